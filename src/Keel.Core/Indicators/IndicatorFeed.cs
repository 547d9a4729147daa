using Keel.Core.Domain;

namespace Keel.Core.Indicators;

/// <summary>
/// An indicator as a strategy reads it bar after bar: either updated live from each bar, or read from
/// outputs computed once for a whole series by <see cref="IndicatorCache"/> (a sweep's trials share one
/// SMA(20) instead of each updating its own). The cached outputs come from the same incremental code
/// (<see cref="IndicatorBatch"/>), so both give bit-for-bit the same values.
/// Reading ahead of the current bar (<c>Ahead</c>, <c>Skip</c>) is internal: the engine's fast-forward needs it,
/// a strategy must only ever see the past, so user strategies (compiled outside Keel) cannot call it.
/// </summary>
public sealed class IndicatorFeed
{
    private readonly IIndicator? _live;
    private readonly BarSeries? _series;
    private readonly Task<double[][]>? _computing;
    private readonly StreamedIndicators? _streamed;
    private double[][]? _outputs; // a whole series' outputs, or a streamed series' rings
    private int _next;
    private int _current = -1;

    private IndicatorFeed(IIndicator indicator, IndicatorCache? cache)
    {
        WarmUpPeriod = indicator.WarmUpPeriod;
        if (cache is null) _live = indicator;
        else if (cache.Streamed is { } streamed) (_streamed, _outputs) = (streamed, streamed.Rings(indicator));
        else (_series, _computing) = (cache.Series, cache.Computing(indicator));
    }

    /// <summary>Reads <paramref name="indicator"/> from <paramref name="cache"/> when there is one, else updates it live.</summary>
    public static IndicatorFeed Of(IIndicator indicator, IndicatorCache? cache) => new(indicator, cache);

    public int WarmUpPeriod { get; }

    /// <summary>True when the values come from a cache: then the coming ones can be read ahead.</summary>
    internal bool IsCached => _live is null;

    /// <summary>
    /// Moves to <paramref name="bar"/> and returns output 0. A cached feed must be given its series' bars
    /// in order from the first; any other bar is refused rather than answered with another bar's value.
    /// </summary>
    public double Next(in Bar bar)
    {
        if (_live is not null)
        {
            _live.Update(bar);
            return _live.GetOutput(0);
        }
        if (_streamed is not null)
        {
            var slot = _streamed.Slot(_next, bar.Timestamp);
            _current = _next++;
            return _outputs![0][slot];
        }
        if (_next >= _series!.Count || _series[_next].Timestamp != bar.Timestamp)
            throw new InvalidOperationException($"A cached indicator was fed the bar at {bar.Timestamp:O}, which is not bar {_next} of its series.");
        _current = _next++;
        return Outputs[0][_current];
    }

    /// <summary>Output <paramref name="index"/> at the bar of the last <see cref="Next"/>; NaN during warm-up.</summary>
    public double Output(int index) =>
        _live is not null ? _live.GetOutput(index)
        : _current < 0 ? double.NaN
        : _streamed is not null ? _outputs![index][_streamed.SlotOf(_current)]
        : Outputs[index][_current];

    /// <summary>
    /// Output <paramref name="index"/> of the bars not seen yet (cached feeds only): to the series' end, or for a
    /// streamed series over the bars computed so far that lie in one piece of its rings.
    /// </summary>
    internal ReadOnlySpan<double> Ahead(int index = 0) =>
        _streamed is not null ? _outputs![index].AsSpan(_streamed.SlotOf(_next), _streamed.Ahead(_next)) : Cached(index).AsSpan(_next);

    /// <summary>Moves past the next <paramref name="bars"/> bars without being shown them (cached feeds only).</summary>
    internal void Skip(int bars)
    {
        if (bars < 0 || bars > Ahead().Length) throw new ArgumentOutOfRangeException(nameof(bars), bars, $"Cannot skip {bars} bars from bar {_next}.");
        _next += bars;
        _current = _next - 1;
    }

    private double[] Cached(int index) => _computing is not null ? Outputs[index] : throw new InvalidOperationException("Only a cached indicator can be read ahead.");

    private double[][] Outputs => _outputs ??= _computing!.GetAwaiter().GetResult();

    public void Reset()
    {
        _live?.Reset();
        _next = 0;
        _current = -1;
    }
}
