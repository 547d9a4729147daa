using System.Text.Json.Serialization;
using Keel.Alpaca.Json;

namespace Keel.Alpaca.Models;

/// <summary>Alpaca's order types (crypto allows market, limit and stop_limit only).</summary>
[JsonConverter(typeof(AlpacaEnumConverter<AlpacaOrderType>))]
public enum AlpacaOrderType
{
    /// <summary>A value this version does not know (Alpaca adds values without notice).</summary>
    Unknown,
    Market,
    Limit,
    Stop,
    StopLimit,
    TrailingStop,
}
