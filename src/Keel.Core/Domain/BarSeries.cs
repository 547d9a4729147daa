namespace Keel.Core.Domain;

/// <summary>
/// The bars of one symbol and timeframe in strictly increasing time order. Construction checks the
/// order, so every consumer can rely on it without checking again.
/// </summary>
public sealed class BarSeries
{
    private readonly Bar[] _bars;

    public Symbol Symbol { get; }
    public Timeframe Timeframe { get; }

    public BarSeries(Symbol symbol, Timeframe timeframe, Bar[] bars)
    {
        ArgumentNullException.ThrowIfNull(symbol);
        ArgumentNullException.ThrowIfNull(bars);
        for (var i = 1; i < bars.Length; i++)
        {
            if (bars[i].Timestamp <= bars[i - 1].Timestamp)
            {
                var what = bars[i].Timestamp == bars[i - 1].Timestamp ? "duplicate" : "out-of-order";
                throw new ArgumentException(
                    $"{symbol}: {what} timestamp at bar {i}: {bars[i].Timestamp:O} follows {bars[i - 1].Timestamp:O}; bars must be strictly increasing in time.");
            }
        }
        Symbol = symbol;
        Timeframe = timeframe;
        _bars = bars;
    }

    public int Count => _bars.Length;
    public ref readonly Bar this[int index] => ref _bars[index];
    public ReadOnlySpan<Bar> Span => _bars;

    /// <summary>The index of the first bar opening at or after <paramref name="timeUtc"/> (the count of bars before it); binary search.</summary>
    public int IndexAtOrAfter(DateTime timeUtc)
    {
        int lo = 0, hi = _bars.Length;
        while (lo < hi)
        {
            var mid = (lo + hi) / 2;
            if (_bars[mid].Timestamp < timeUtc) lo = mid + 1;
            else hi = mid;
        }
        return lo;
    }

    /// <summary>The bars whose open time is in [<paramref name="fromUtc"/>, <paramref name="toUtc"/>], as a new series.</summary>
    public BarSeries Between(DateTime fromUtc, DateTime toUtc)
    {
        var first = 0;
        while (first < _bars.Length && _bars[first].Timestamp < fromUtc) first++;
        var end = first;
        while (end < _bars.Length && _bars[end].Timestamp <= toUtc) end++;
        return new BarSeries(Symbol, Timeframe, _bars[first..end]);
    }

    /// <summary>The closes as a new array, for batch indicator helpers.</summary>
    public double[] Closes()
    {
        var result = new double[_bars.Length];
        for (var i = 0; i < _bars.Length; i++) result[i] = _bars[i].Close;
        return result;
    }
}
