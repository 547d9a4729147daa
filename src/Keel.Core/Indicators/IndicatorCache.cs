using System.Collections.Concurrent;
using Keel.Core.Domain;

namespace Keel.Core.Indicators;

/// <summary>
/// The outputs of indicators over one bar series, each computed once, on first request, and shared by
/// every strategy that asks for the same indicator, from any thread. A parameter sweep makes one per
/// series so that its trials compute each distinct indicator (say SMA(20)) once instead of once per trial.
/// Indicators are told apart by their output names, which carry every parameter (<c>sma_20</c>, <c>macd_signal_12_26_9</c>).
/// Memory: one double per bar per output, kept as long as the cache (8 MB per million bars and output;
/// a sweep over 70 distinct SMA periods of a million bars holds 560 MB). A streamed series' cache
/// (<see cref="StreamedIndicators"/>) holds only the bars read ahead of the replay.
/// </summary>
public sealed class IndicatorCache
{
    private readonly ConcurrentDictionary<string, Lazy<Task<double[][]>>> _outputs = new(StringComparer.Ordinal);

    public IndicatorCache(BarSeries series) => Series = series;

    internal IndicatorCache(StreamedIndicators streamed) => Streamed = streamed;

    /// <summary>The whole series the outputs are computed over (null for a streamed one).</summary>
    internal BarSeries? Series { get; }

    /// <summary>The rings a streamed series' outputs are computed into as it is read (null for a whole series).</summary>
    internal StreamedIndicators? Streamed { get; }

    /// <summary>One cache per distinct series (compared by reference), for a run over <paramref name="data"/>.</summary>
    public static Dictionary<BarSeries, IndicatorCache> PerSeries(IReadOnlyList<BarSeries> data) =>
        data.Distinct().ToDictionary(series => series, series => new IndicatorCache(series));

    /// <summary>One array per output of <paramref name="indicator"/> (a fresh instance, which this uses up), one value per bar.</summary>
    internal double[][] Outputs(IIndicator indicator) => Computing(indicator).GetAwaiter().GetResult();

    /// <summary>
    /// <see cref="Outputs"/>, computed on the thread pool from the first request on: a strategy asking for two
    /// indicators has them computed at once on two cores, and waits only when it first reads one.
    /// </summary>
    internal Task<double[][]> Computing(IIndicator indicator) =>
        _outputs.GetOrAdd(string.Join(',', indicator.OutputNames), _ => new Lazy<Task<double[][]>>(() => Task.Run(() => IndicatorBatch.Run(indicator, Series!.Span)))).Value;
}
