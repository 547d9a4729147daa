using Keel.Alpaca.Models;
using Keel.Core.Domain;

namespace Keel.AlpacaSim.Data;

/// <summary>The bars the sim serves and derives quotes from, by symbol and timeframe, sorted by time.</summary>
public sealed class BarStore
{
    private readonly Lock _lock = new();
    private readonly Dictionary<(string Symbol, Timeframe Timeframe), List<AlpacaBar>> _bars = [];

    /// <summary>Adds (or replaces, at equal timestamps) bars of one symbol and timeframe.</summary>
    public void Add(string symbol, Timeframe timeframe, IEnumerable<AlpacaBar> bars)
    {
        var key = (symbol.ToUpperInvariant(), timeframe);
        lock (_lock)
        {
            if (!_bars.TryGetValue(key, out var list)) _bars[key] = list = [];
            var byTime = list.ToDictionary(b => b.Timestamp);
            foreach (var bar in bars) byTime[bar.Timestamp] = bar;
            list.Clear();
            list.AddRange(byTime.Values.OrderBy(b => b.Timestamp));
        }
    }

    public IReadOnlyList<string> Symbols
    {
        get { lock (_lock) return _bars.Keys.Select(k => k.Symbol).Distinct().Order(StringComparer.Ordinal).ToList(); }
    }

    public IReadOnlyList<AlpacaBar> Get(string symbol, Timeframe timeframe)
    {
        lock (_lock) return _bars.TryGetValue((symbol.ToUpperInvariant(), timeframe), out var list) ? list.ToList() : [];
    }

    /// <summary>
    /// The most recent bar that has ended by <paramref name="time"/>, over every timeframe held (the
    /// finest wins because it ends latest): the price the market "shows" then, with no look-ahead.
    /// </summary>
    public AlpacaBar? LastCompleted(string symbol, DateTimeOffset time)
    {
        AlpacaBar? best = null;
        var bestEnd = DateTimeOffset.MinValue;
        lock (_lock)
        {
            foreach (var ((s, timeframe), list) in _bars)
            {
                if (s != symbol) continue;
                var index = LastStartingBefore(list, time - timeframe.Duration);
                if (index < 0) continue;
                var end = list[index].Timestamp + timeframe.Duration;
                if (end > bestEnd)
                {
                    best = list[index];
                    bestEnd = end;
                }
            }
        }
        return best;
    }

    /// <summary>
    /// The market's path between two times: the bars of the finest timeframe held for <paramref name="symbol"/>
    /// that start at or after <paramref name="from"/> and have ended by <paramref name="to"/>, oldest first,
    /// each with its end. What a resting order has been exposed to since it was last looked at.
    /// </summary>
    public IReadOnlyList<(AlpacaBar Bar, DateTimeOffset End)> Path(string symbol, DateTimeOffset from, DateTimeOffset to)
    {
        lock (_lock)
        {
            var finest = _bars.Where(e => e.Key.Symbol == symbol && e.Value.Count > 0).OrderBy(e => e.Key.Timeframe.Duration).FirstOrDefault();
            if (finest.Value is not { } list) return [];
            var length = finest.Key.Timeframe.Duration;
            var path = new List<(AlpacaBar, DateTimeOffset)>();
            for (var i = LastStartingBefore(list, from - TimeSpan.FromTicks(1)) + 1; i < list.Count && list[i].Timestamp + length <= to; i++)
                path.Add((list[i], list[i].Timestamp + length));
            return path;
        }
    }

    private static int LastStartingBefore(List<AlpacaBar> list, DateTimeOffset latestStart)
    {
        int lo = 0, hi = list.Count - 1, found = -1;
        while (lo <= hi)
        {
            var mid = (lo + hi) / 2;
            if (list[mid].Timestamp <= latestStart) { found = mid; lo = mid + 1; }
            else hi = mid - 1;
        }
        return found;
    }
}
