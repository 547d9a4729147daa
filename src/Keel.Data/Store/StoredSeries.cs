using Keel.Core.Domain;

namespace Keel.Data.Store;

/// <summary>One series held by a <see cref="LocalBarStore"/>: what it is, how many bars, their span and the file.</summary>
public sealed record StoredSeries(Symbol Symbol, Timeframe Timeframe, int BarCount, DateTime First, DateTime Last, string Path)
{
    public override string ToString() =>
        $"{Symbol} {Timeframe}: {BarCount} bars, {First:yyyy-MM-ddTHH:mm:ssZ} .. {Last:yyyy-MM-ddTHH:mm:ssZ} ({Path})";
}
