using System.Text.Json.Serialization;

namespace Keel.Reporting.Pages;

/// <summary>
/// Source-generated JSON for every page model: snake_case names, decimals as exact numbers, NaN and infinities
/// (a Sharpe of an empty run, a profit factor without losers) as the strings "NaN" / "Infinity".
/// </summary>
[JsonSourceGenerationOptions(PropertyNamingPolicy = JsonKnownNamingPolicy.SnakeCaseLower,
    NumberHandling = JsonNumberHandling.AllowNamedFloatingPointLiterals)]
[JsonSerializable(typeof(OverviewPage))]
[JsonSerializable(typeof(IReadOnlyList<PositionView>))]
[JsonSerializable(typeof(IReadOnlyList<OpenOrderView>))]
[JsonSerializable(typeof(IReadOnlyList<StrategyView>))]
[JsonSerializable(typeof(JournalPage))]
[JsonSerializable(typeof(TradeOrdersView))]
[JsonSerializable(typeof(AlertsPage))]
[JsonSerializable(typeof(BacktestsPage))]
[JsonSerializable(typeof(RunPage))]
[JsonSerializable(typeof(ControlResult))]
[JsonSerializable(typeof(SessionInfo))]
public sealed partial class PagesJson : JsonSerializerContext;
