using Keel.Core.Trading;

namespace Keel.Live;

/// <summary>
/// Each strategy's position in one symbol over time, rebuilt from its recorded fills, so a warm-up can tell
/// a strategy what it held at every past bar with a binary search instead of re-summing the fills.
/// </summary>
internal sealed class PositionHistory
{
    private readonly Dictionary<string, (DateTime[] Times, decimal[] Quantities)> _byStrategy = new(StringComparer.Ordinal);

    public static PositionHistory From(IEnumerable<Fill> fills)
    {
        var history = new PositionHistory();
        foreach (var group in fills.GroupBy(f => f.Strategy))
        {
            var ordered = group.OrderBy(f => f.Time).ToList();
            var times = new DateTime[ordered.Count];
            var quantities = new decimal[ordered.Count];
            var held = 0m;
            for (var i = 0; i < ordered.Count; i++)
            {
                held += ordered[i].Side == OrderSide.Buy ? ordered[i].Quantity : -ordered[i].Quantity;
                times[i] = ordered[i].Time;
                quantities[i] = held;
            }
            history._byStrategy[group.Key] = (times, quantities);
        }
        return history;
    }

    /// <summary>What <paramref name="strategy"/> held after every fill at or before <paramref name="time"/>.</summary>
    public decimal At(string strategy, DateTime time)
    {
        if (!_byStrategy.TryGetValue(strategy, out var h)) return 0m;
        var i = Array.BinarySearch(h.Times, time);
        if (i < 0) i = ~i - 1;
        else while (i + 1 < h.Times.Length && h.Times[i + 1] == time) i++; // several fills at one time: after the last
        return i < 0 ? 0m : h.Quantities[i];
    }
}
