using System.Text.Json.Serialization;
using Keel.Alpaca.Json;

namespace Keel.Alpaca.Models;

/// <summary>What an asset is: us_equity, crypto or us_option.</summary>
[JsonConverter(typeof(AlpacaEnumConverter<AlpacaAssetClass>))]
public enum AlpacaAssetClass
{
    /// <summary>A value this version does not know (Alpaca adds values without notice).</summary>
    Unknown,
    UsEquity,
    Crypto,
    UsOption,
}
