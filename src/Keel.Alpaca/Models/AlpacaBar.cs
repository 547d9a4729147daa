using System.Text.Json.Serialization;
using Keel.Alpaca.Json;

namespace Keel.Alpaca.Models;

/// <summary>A bar of the market-data API: start time <c>t</c> (UTC), prices and volume as JSON numbers.</summary>
public sealed record AlpacaBar
{
    [JsonPropertyName("t")] public DateTimeOffset Timestamp { get; init; }
    [JsonPropertyName("o"), JsonConverter(typeof(DecimalNumberConverter))] public decimal Open { get; init; }
    [JsonPropertyName("h"), JsonConverter(typeof(DecimalNumberConverter))] public decimal High { get; init; }
    [JsonPropertyName("l"), JsonConverter(typeof(DecimalNumberConverter))] public decimal Low { get; init; }
    [JsonPropertyName("c"), JsonConverter(typeof(DecimalNumberConverter))] public decimal Close { get; init; }
    /// <summary>Whole shares for stocks, fractional for crypto.</summary>
    [JsonPropertyName("v"), JsonConverter(typeof(DecimalNumberConverter))] public decimal Volume { get; init; }
    [JsonPropertyName("n")] public long TradeCount { get; init; }
    [JsonPropertyName("vw"), JsonConverter(typeof(DecimalNumberConverter))] public decimal Vwap { get; init; }
}
