using System.Text.Json.Serialization;
using Keel.Alpaca.Json;

namespace Keel.Alpaca.Models;

/// <summary>A top-of-book quote of the market-data API (stock or crypto; crypto has no exchanges or tape).</summary>
public sealed record AlpacaQuote
{
    [JsonPropertyName("t")] public DateTimeOffset Timestamp { get; init; }
    [JsonPropertyName("ap"), JsonConverter(typeof(DecimalNumberConverter))] public decimal AskPrice { get; init; }
    [JsonPropertyName("as"), JsonConverter(typeof(DecimalNumberConverter))] public decimal AskSize { get; init; }
    [JsonPropertyName("ax"), JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] public string? AskExchange { get; init; }
    [JsonPropertyName("bp"), JsonConverter(typeof(DecimalNumberConverter))] public decimal BidPrice { get; init; }
    [JsonPropertyName("bs"), JsonConverter(typeof(DecimalNumberConverter))] public decimal BidSize { get; init; }
    [JsonPropertyName("bx"), JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] public string? BidExchange { get; init; }
    [JsonPropertyName("c"), JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] public IReadOnlyList<string>? Conditions { get; init; }
    [JsonPropertyName("z"), JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] public string? Tape { get; init; }
}
