using Keel.Core.Domain;

namespace Keel.Core.Indicators;

/// <summary>
/// An incremental indicator: O(1) work and no allocation per <see cref="Update(in Bar)"/>.
/// Outputs are NaN until <see cref="IsReady"/>. Output names follow the CLI's column names
/// (<c>sma_20</c>, <c>macd_signal_12_26_9</c>, ...).
/// </summary>
public interface IIndicator
{
    /// <summary>How many inputs are needed before the first value (TA-Lib's lookback + 1).</summary>
    int WarmUpPeriod { get; }

    bool IsReady { get; }

    /// <summary>How many inputs have been seen since the last reset.</summary>
    int Samples { get; }

    IReadOnlyList<string> OutputNames { get; }

    void Update(in Bar bar);

    /// <summary>Output <paramref name="index"/> (in <see cref="OutputNames"/> order); NaN during warm-up.</summary>
    double GetOutput(int index);

    void Reset();
}
