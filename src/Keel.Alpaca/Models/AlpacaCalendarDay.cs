using System.Text.Json.Serialization;
using Keel.Alpaca.Json;

namespace Keel.Alpaca.Models;

/// <summary>One trading day of GET /v2/calendar, in Eastern time: regular open/close ("09:30") and the extended session ("0400"–"2000").</summary>
public sealed record AlpacaCalendarDay
{
    public DateOnly Date { get; init; }
    [JsonConverter(typeof(ColonTimeConverter))] public TimeOnly Open { get; init; }
    [JsonConverter(typeof(ColonTimeConverter))] public TimeOnly Close { get; init; }
    [JsonConverter(typeof(CompactTimeConverter))] public TimeOnly SessionOpen { get; init; }
    [JsonConverter(typeof(CompactTimeConverter))] public TimeOnly SessionClose { get; init; }
}
