using System.Buffers;

namespace Keel.Core.Backtest;

/// <summary>
/// The client order ids the simulated broker has been given, so that it ignores any it is given again.
/// Exact for any ids, and cheap for the ids a backtest makes: one strategy's ids end in the deciding bar's
/// time and so grow, and an id above every earlier one is new without a lookup. Those are kept back to back
/// in one array, sorted; ids that do not grow (several strategies interleaved, a wrapped century) go to a
/// hash set. A sweep trial adds two ids per round trip: a hash set of them was a quarter of a busy trial's
/// time, and tens of thousands of id strings kept alive pushed every trial's garbage into older GC
/// generations, whose collections stopped every thread.
/// Ids in Keel's own form (<see cref="Trading.ClientOrderIds"/>: a prefix per strategy and symbol, then
/// <c>yyMMddHHmmss-P</c>) are kept per prefix as one 8-byte number each (<see cref="KeelIdTimes"/>), where they
/// grow even when a portfolio interleaves a hundred symbols: 3.9 M orders of a 100-symbol run are 31 MB, not
/// 3.9 M strings in the hash set.
/// </summary>
internal sealed class SubmittedIds : IDisposable
{
    private readonly Dictionary<string, KeelIdTimes> _byPrefix = new(StringComparer.Ordinal);
    private string? _lastPrefix;       // most orders come from the prefix of the one before (a single series)
    private KeelIdTimes? _lastTimes;

    // Both arrays come from the shared pool and go back to it: a sweep makes one of these per trial, and
    // growing fresh arrays for every trial allocated a third as much again as the trials themselves.
    private char[] _chars = ArrayPool<char>.Shared.Rent(1024); // the growing ids, back to back
    private int[] _ends = ArrayPool<int>.Shared.Rent(32);      // where each of them ends in _chars
    private int _count;
    private readonly HashSet<string> _others = new(StringComparer.Ordinal); // each below the last growing id when added

    /// <summary>Remembers <paramref name="id"/>; false when it was given before.</summary>
    public bool Add(string id)
    {
        if (KeelIdTimes.TrySplit(id, out var prefixLength, out var key)) return TimesOf(id, prefixLength).Add(key);
        if (_count == 0 || id.AsSpan().SequenceCompareTo(Growing(_count - 1)) > 0)
        {
            Append(id); // above every earlier id, in either collection
            return true;
        }
        return !IsGrowing(id) && _others.Add(id);
    }

    private KeelIdTimes TimesOf(string id, int prefixLength)
    {
        var prefix = id.AsSpan(0, prefixLength);
        if (_lastTimes is not null && prefix.SequenceEqual(_lastPrefix)) return _lastTimes;
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

    private ReadOnlySpan<char> Growing(int index)
    {
        var start = index == 0 ? 0 : _ends[index - 1];
        return _chars.AsSpan(start, _ends[index] - start);
    }

    /// <summary>Binary search: the growing ids are sorted.</summary>
    private bool IsGrowing(string id)
    {
        int low = 0, high = _count - 1;
        while (low <= high)
        {
            var middle = low + (high - low) / 2;
            var order = id.AsSpan().SequenceCompareTo(Growing(middle));
            if (order == 0) return true;
            if (order < 0) high = middle - 1;
            else low = middle + 1;
        }
        return false;
    }

    private void Append(string id)
    {
        var start = _count == 0 ? 0 : _ends[_count - 1];
        if (start + id.Length > _chars.Length) Grow(ref _chars, start, start + id.Length);
        if (_count == _ends.Length) Grow(ref _ends, _count, _count + 1);
        id.CopyTo(_chars.AsSpan(start));
        _ends[_count++] = start + id.Length;
    }

    private static void Grow<T>(ref T[] array, int used, int needed)
    {
        var larger = ArrayPool<T>.Shared.Rent(Math.Max(array.Length * 2, needed));
        array.AsSpan(0, used).CopyTo(larger);
        ArrayPool<T>.Shared.Return(array);
        array = larger;
    }

    public void Dispose()
    {
        foreach (var times in _byPrefix.Values) times.Dispose();
        _byPrefix.Clear();
        _lastTimes = null;
        if (_chars.Length == 0) return; // given back already
        ArrayPool<char>.Shared.Return(_chars);
        ArrayPool<int>.Shared.Return(_ends);
        _chars = [];
        _ends = [];
        _count = 0;
    }
}
