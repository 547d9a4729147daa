using System.Runtime.ExceptionServices;
using Keel.Core.Domain;

namespace Keel.Core.Indicators;

/// <summary>
/// The indicators of one streamed series (a portfolio backtest merged by time), computed a little ahead of the
/// replay (a chunk of merged bars at a time, <see cref="Backtest.MergedReplay"/>) into rings that hold the bars
/// computed but not yet replayed: the replay's strategies read them as cached outputs, and can look ahead over them
/// to fast-forward, as over a whole series' <see cref="IndicatorCache"/>. Each value comes from the indicator's own
/// incremental update, bar after bar, so it is bit for bit the value a strategy updating its own indicator would see.
/// The rings hold more bars than are ever computed ahead, so no value is overwritten before it is read.
/// Bars are added by one thread at a time (either side of the read-ahead, which hands the work over under a lock)
/// while the replay reads: the count of bars computed is published after their values.
/// </summary>
internal sealed class StreamedIndicators
{
    private readonly int _mask;
    private readonly long[] _ticks;
    private readonly Dictionary<string, Computed> _computed = new(StringComparer.Ordinal);
    private Computed[] _computing = [];
    private long _produced;
    private long _failedAt = long.MaxValue;
    private ExceptionDispatchInfo? _failure;

    /// <param name="barsAhead">The most bars ever computed ahead of the replay.</param>
    public StreamedIndicators(int barsAhead)
    {
        var capacity = (int)System.Numerics.BitOperations.RoundUpToPowerOf2((uint)barsAhead + 1);
        _mask = capacity - 1;
        _ticks = new long[capacity];
    }

    public int Capacity => _mask + 1;

    /// <summary>The rings of <paramref name="indicator"/>'s outputs (shared by every indicator with the same outputs). Before the first <see cref="Add"/> only.</summary>
    public double[][] Rings(IIndicator indicator)
    {
        if (_produced > 0) throw new InvalidOperationException("Indicators must be registered before the stream is read.");
        var key = string.Join(',', indicator.OutputNames);
        if (!_computed.TryGetValue(key, out var computed))
        {
            indicator.Reset();
            var rings = new double[indicator.OutputNames.Count][];
            for (var i = 0; i < rings.Length; i++) rings[i] = new double[Capacity];
            _computed[key] = computed = new Computed(indicator, indicator as IPriceIndicator, rings);
            _computing = [.. _computed.Values];
        }
        return computed.Rings;
    }

    /// <summary>True when some strategy reads its indicators from here (else there is nothing to compute).</summary>
    public bool InUse => _computing.Length > 0;

    /// <summary>The stream's next bar, ahead of the replay.</summary>
    public void Add(in Bar bar)
    {
        var produced = _produced;
        if (produced >= _failedAt) return;
        var slot = (int)(produced & _mask);
        _ticks[slot] = bar.Timestamp.Ticks;
        try
        {
            foreach (var (indicator, price, rings) in _computing)
            {
                // A price indicator reads only the close, and the merge has checked the bars' time order already.
                if (price is not null) price.Update(bar.Close);
                else indicator.Update(in bar);
                for (var output = 0; output < rings.Length; output++) rings[output][slot] = indicator.GetOutput(output);
            }
        }
        catch (Exception ex)
        {
            // Thrown where a strategy updating its own indicator would have met it: at this bar, in its OnBar.
            _failure = ExceptionDispatchInfo.Capture(ex);
            Volatile.Write(ref _failedAt, produced);
            return;
        }
        Volatile.Write(ref _produced, produced + 1);
    }

    /// <summary>The slot of bar <paramref name="index"/>, which must be the bar at <paramref name="timestamp"/>.</summary>
    public int Slot(long index, DateTime timestamp)
    {
        if (index >= Volatile.Read(ref _produced))
        {
            if (index >= Volatile.Read(ref _failedAt)) _failure!.Throw();
            throw new InvalidOperationException($"A streamed indicator was read at bar {index}, which has not been computed.");
        }
        var slot = (int)(index & _mask);
        if (_ticks[slot] != timestamp.Ticks)
            throw new InvalidOperationException($"A streamed indicator was fed the bar at {timestamp:O}, which is not bar {index} of its stream.");
        return slot;
    }

    /// <summary>How many bars from bar <paramref name="index"/> on are computed and lie in one piece of the rings.</summary>
    public int Ahead(long index)
    {
        var computed = Volatile.Read(ref _produced) - index;
        return (int)Math.Max(0, Math.Min(computed, Capacity - (index & _mask)));
    }

    public int SlotOf(long index) => (int)(index & _mask);

    private readonly record struct Computed(IIndicator Indicator, IPriceIndicator? Price, double[][] Rings);
}
