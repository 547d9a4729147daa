using System.Buffers;
using System.Runtime.CompilerServices;

namespace Keel.Core.Backtest;

/// <summary>
/// The ids of one client order id prefix (one strategy on one symbol), each as the number
/// <see cref="Trading.ClientOrderIds.TrySplit"/> reads from its tail, which orders them as the id strings do. A strategy's ids
/// grow with its bars, so they are kept back to back in one sorted pooled array and a new one needs no lookup;
/// any that do not grow go to a set (each below the last growing one when added, so the two never overlap).
/// </summary>
internal sealed class KeelIdTimes : IDisposable
{
    private long[] _growing = ArrayPool<long>.Shared.Rent(64);
    private int _count;
    private HashSet<long>? _others;

    /// <summary>Remembers <paramref name="key"/>; false when it was given before.</summary>
    public bool Add(long key)
    {
        if (_count > 0 && key <= _growing[_count - 1]) return AddBehind(key);
        if (_count == _growing.Length) Grow();
        _growing[_count++] = key;
        return true;
    }

    // The rare paths, out of line so that the common append stays small.
    [MethodImpl(MethodImplOptions.NoInlining)]
    private bool AddBehind(long key) => _growing.AsSpan(0, _count).BinarySearch(key) < 0 && (_others ??= []).Add(key);

    [MethodImpl(MethodImplOptions.NoInlining)]
    private void Grow()
    {
        var larger = ArrayPool<long>.Shared.Rent(_growing.Length * 2);
        _growing.AsSpan(0, _count).CopyTo(larger);
        ArrayPool<long>.Shared.Return(_growing);
        _growing = larger;
    }

    public void Dispose()
    {
        if (_growing.Length == 0) return;
        ArrayPool<long>.Shared.Return(_growing);
        _growing = [];
        _count = 0;
    }
}
