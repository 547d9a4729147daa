using System.Text.Json.Serialization;
using Keel.Alpaca.Models;
using Keel.AlpacaSim.Faults;

namespace Keel.AlpacaSim.Http;

/// <summary>POST /admin/clock: set the time, advance it, and/or change the speed (in that order).</summary>
public sealed record SimClockCommand
{
    public DateTimeOffset? Time { get; init; }
    public double? AdvanceSeconds { get; init; }
    public double? Speed { get; init; }
}

/// <summary>GET /admin/clock.</summary>
public sealed record SimClockState(DateTimeOffset Time, double Speed, bool IsOpen);

/// <summary>POST /admin/quotes: the NBBO for a symbol until changed or cleared.</summary>
public sealed record SimQuoteCommand
{
    public string Symbol { get; init; } = "";
    public decimal Bid { get; init; }
    public decimal Ask { get; init; }
    public decimal BidSize { get; init; } = 100;
    public decimal AskSize { get; init; } = 100;
}

/// <summary>The admin API's JSON (snake_case), separate from Alpaca's wire context.</summary>
[JsonSourceGenerationOptions(PropertyNamingPolicy = JsonKnownNamingPolicy.SnakeCaseLower,
    NumberHandling = JsonNumberHandling.AllowReadingFromString)]
[JsonSerializable(typeof(SimClockCommand))]
[JsonSerializable(typeof(SimClockState))]
[JsonSerializable(typeof(SimQuoteCommand))]
[JsonSerializable(typeof(FaultSettings))]
[JsonSerializable(typeof(List<SimRequest>))]
[JsonSerializable(typeof(List<AlpacaOrder>))]
internal sealed partial class SimJsonContext : JsonSerializerContext;
