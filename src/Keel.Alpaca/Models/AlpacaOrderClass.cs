using System.Text.Json.Serialization;
using Keel.Alpaca.Json;

namespace Keel.Alpaca.Models;

/// <summary>Simple, bracket, oco, oto (mleg for options). Alpaca sometimes sends "" for simple.</summary>
[JsonConverter(typeof(AlpacaOrderClassConverter))]
public enum AlpacaOrderClass
{
    /// <summary>A value this version does not know (Alpaca adds values without notice).</summary>
    Unknown,
    Simple,
    Bracket,
    Oco,
    Oto,
    Mleg,
}

/// <summary>Reads "" as <see cref="AlpacaOrderClass.Simple"/>, as Alpaca means it.</summary>
public sealed class AlpacaOrderClassConverter : AlpacaEnumConverter<AlpacaOrderClass>
{
    protected override AlpacaOrderClass EmptyValue => AlpacaOrderClass.Simple;
}
