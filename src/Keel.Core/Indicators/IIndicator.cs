using Keel.Core.Domain;

namespace Keel.Core.Indicators;

/// <summary>
/// An incremental indicator: O(1) work and no allocation per <see cref="Update(in Bar)"/> (amortised
/// O(1) where a rolling window is occasionally recomputed exactly to stop rounding drift).
/// Outputs are NaN until <see cref="IsReady"/>. Output names follow the CLI's column names
/// (<c>sma_20</c>, <c>macd_signal_12_26_9</c>, ...). <see cref="IndicatorSpec"/> builds them from
/// text and <see cref="IndicatorBatch"/> runs them over a whole series.
/// </summary>
public interface IIndicator
{
    /// <summary>How many inputs are needed before the first value (TA-Lib's lookback + 1).</summary>
    int WarmUpPeriod { get; }

    bool IsReady { get; }

    /// <summary>How many inputs have been seen since the last reset.</summary>
    int Samples { get; }

    IReadOnlyList<string> OutputNames { get; }

    /// <summary>Feeds one bar; throws <see cref="InvalidOperationException"/> if it is not after the previous one.</summary>
    void Update(in Bar bar);

    /// <summary>Output <paramref name="index"/> (in <see cref="OutputNames"/> order); NaN during warm-up.</summary>
    double GetOutput(int index);

    /// <summary>Forgets every input (and the last bar time), returning to the state after construction.</summary>
    void Reset();
}
