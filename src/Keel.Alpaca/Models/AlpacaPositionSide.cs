using System.Text.Json.Serialization;
using Keel.Alpaca.Json;

namespace Keel.Alpaca.Models;

/// <summary>Long or short.</summary>
[JsonConverter(typeof(AlpacaEnumConverter<AlpacaPositionSide>))]
public enum AlpacaPositionSide
{
    /// <summary>A value this version does not know (Alpaca adds values without notice).</summary>
    Unknown,
    Long,
    Short,
}
