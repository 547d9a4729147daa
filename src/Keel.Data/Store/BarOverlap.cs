using System.Globalization;
using Keel.Core.Domain;

namespace Keel.Data.Store;

/// <summary>
/// Where incoming bars meet stored ones at the same time and differ: importing an adjusted file over a raw
/// one would otherwise leave jumps of tens of percent at the seams. Computed before anything is written.
/// </summary>
public sealed record BarOverlap(int Overlapping, int Differing, Bar? FirstStored, Bar? FirstIncoming, double LargestClosePct)
{
    public static BarOverlap Between(ReadOnlySpan<Bar> stored, ReadOnlySpan<Bar> incoming)
    {
        int s = 0, i = 0, overlapping = 0, differing = 0;
        Bar? firstStored = null, firstIncoming = null;
        var largest = 0.0;
        while (s < stored.Length && i < incoming.Length)
        {
            if (stored[s].Timestamp < incoming[i].Timestamp) { s++; continue; }
            if (incoming[i].Timestamp < stored[s].Timestamp) { i++; continue; }
            overlapping++;
            if (stored[s] != incoming[i])
            {
                differing++;
                if (firstStored is null) (firstStored, firstIncoming) = (stored[s], incoming[i]);
                largest = Math.Max(largest, Math.Abs(ClosePct(stored[s], incoming[i])));
            }
            s++;
            i++;
        }
        return new BarOverlap(overlapping, differing, firstStored, firstIncoming, largest);
    }

    /// <summary>One line: how many differ, the first difference and by how much.</summary>
    public string Describe() => FirstStored is not { } stored || FirstIncoming is not { } incoming
        ? string.Create(CultureInfo.InvariantCulture, $"{Overlapping} overlapping bars, all identical")
        : string.Create(CultureInfo.InvariantCulture,
            $"{Differing} of {Overlapping} overlapping bars differ; first at {stored.Timestamp:yyyy-MM-dd HH:mm}Z: close {stored.Close} stored, {incoming.Close} incoming ({ClosePct(stored, incoming):+0.00;-0.00}%); largest close difference {LargestClosePct:0.00}%");

    private static double ClosePct(Bar stored, Bar incoming) => (incoming.Close / stored.Close - 1) * 100;
}
