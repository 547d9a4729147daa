using System.Text.Json.Serialization;
using Keel.Alpaca.Json;

namespace Keel.Alpaca.Models;

/// <summary>How long an order works: day, gtc, opg, cls, ioc, fok (crypto: gtc and ioc only).</summary>
[JsonConverter(typeof(AlpacaEnumConverter<AlpacaTimeInForce>))]
public enum AlpacaTimeInForce
{
    /// <summary>A value this version does not know (Alpaca adds values without notice).</summary>
    Unknown,
    Day,
    Gtc,
    Opg,
    Cls,
    Ioc,
    Fok,
}
