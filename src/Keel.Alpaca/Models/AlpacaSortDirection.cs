using System.Text.Json.Serialization;
using Keel.Alpaca.Json;

namespace Keel.Alpaca.Models;

/// <summary>Order of a listing: asc or desc.</summary>
[JsonConverter(typeof(AlpacaEnumConverter<AlpacaSortDirection>))]
public enum AlpacaSortDirection
{
    /// <summary>A value this version does not know (Alpaca adds values without notice).</summary>
    Unknown,
    Asc,
    Desc,
}
