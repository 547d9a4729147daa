using Keel.Core.Domain;
using Keel.Core.Trading;

namespace Keel.Reporting;

/// <summary>
/// What the single-backtest report (<c>keel backtest --out DIR</c> → <c>report.html</c>) shows: the run and
/// buy and hold of the same bars, the prices of the first symbol with every trade's entry and exit, the
/// trades with their reasons, the refused orders, and the settings.
/// </summary>
public sealed record BacktestReportModel
{
    public required string Title { get; init; }
    public required IReadOnlyList<KeyValuePair<string, string>> Settings { get; init; }
    public required ReportRun Strategy { get; init; }
    public required ReportRun Benchmark { get; init; }
    /// <summary>The bars the price charts draw, one chart per symbol (traded range only).</summary>
    public required IReadOnlyList<BarSeries> Prices { get; init; }
    public required IReadOnlyList<Trade> Trades { get; init; }
    /// <summary>Orders refused by risk or rejected by the broker, with their reasons.</summary>
    public required IReadOnlyList<OrderEvent> Refused { get; init; }
}
