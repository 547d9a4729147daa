using System.Runtime.CompilerServices;

namespace Keel.Core.Backtest;

/// <summary>
/// The client order ids the simulated broker has been given, so that it ignores any it is given again.
/// Exact for any ids, and cheap for the ids a backtest makes: ids in Keel's own form
/// (<see cref="Trading.ClientOrderIds"/>: a prefix per strategy and symbol, then <c>yyMMddHHmmss-P</c>) are kept per
/// prefix as one 8-byte number each (<see cref="KeelIdTimes"/>), where they grow with the bars even when a
/// portfolio interleaves a hundred symbols, so a new one needs no lookup. A sweep trial adds two ids per round
/// trip: a hash set of id strings was a quarter of a busy trial's time, and kept alive they pushed every trial's
/// garbage into older GC generations; 3.9 M orders of a 100-symbol run are 31 MB this way. Any other id goes to
/// a plain set.
/// </summary>
internal sealed class SubmittedIds : IDisposable
{
    private readonly Dictionary<string, KeelIdTimes> _byPrefix = new(StringComparer.Ordinal);
    private string? _lastPrefix;       // most orders come from the prefix of the one before (a single series)
    private KeelIdTimes? _lastTimes;
    private readonly HashSet<string> _others = new(StringComparer.Ordinal);

    /// <summary>Remembers <paramref name="id"/>; false when it was given before.</summary>
    public bool Add(string id) =>
        Trading.ClientOrderIds.TrySplit(id, out var prefixLength, out var key) ? TimesOf(id, prefixLength).Add(key) : AddOther(id);

    [MethodImpl(MethodImplOptions.NoInlining)]
    private bool AddOther(string id) => _others.Add(id);

    private KeelIdTimes TimesOf(string id, int prefixLength)
    {
        var prefix = id.AsSpan(0, prefixLength);
        return _lastTimes is not null && prefix.SequenceEqual(_lastPrefix) ? _lastTimes : NewPrefix(prefix);
    }

    // Out of line: the lookup is rare (a new prefix, or another symbol's turn) and would enlarge every order's frame.
    [MethodImpl(MethodImplOptions.NoInlining)]
    private KeelIdTimes NewPrefix(ReadOnlySpan<char> prefix)
    {
        if (!_byPrefix.GetAlternateLookup<ReadOnlySpan<char>>().TryGetValue(prefix, out var known, out var times))
        {
            known = prefix.ToString();
            times = new KeelIdTimes();
            _byPrefix.Add(known, times);
        }
        _lastPrefix = known;
        _lastTimes = times;
        return times;
    }

    public void Dispose()
    {
        foreach (var times in _byPrefix.Values) times.Dispose();
        _byPrefix.Clear();
        _lastTimes = null;
    }
}
