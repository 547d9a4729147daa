using System.Text.Json.Serialization;
using Keel.Alpaca.Json;

namespace Keel.Alpaca.Models;

/// <summary>Alpaca's order side: buy or sell.</summary>
[JsonConverter(typeof(AlpacaEnumConverter<AlpacaOrderSide>))]
public enum AlpacaOrderSide
{
    /// <summary>A value this version does not know (Alpaca adds values without notice).</summary>
    Unknown,
    Buy,
    Sell,
}
