using Keel.Core.Domain;

namespace Keel.Core.Indicators;

/// <summary>
/// Whole-series evaluation. It runs the very same incremental code one input at a time, so a batch
/// result is bit-for-bit what a live indicator would have produced; there is no second formula to
/// drift apart from the first.
/// </summary>
public static class IndicatorBatch
{
    /// <summary>
    /// Resets <paramref name="indicator"/>, feeds it every bar and returns one array per output (in
    /// <see cref="IIndicator.OutputNames"/> order) holding the output after each bar, NaN during warm-up.
    /// </summary>
    public static double[][] Run(IIndicator indicator, ReadOnlySpan<Bar> bars)
    {
        ArgumentNullException.ThrowIfNull(indicator);
        indicator.Reset();
        var outputs = Allocate(indicator, bars.Length);
        for (var i = 0; i < bars.Length; i++)
        {
            indicator.Update(in bars[i]);
            for (var output = 0; output < outputs.Length; output++) outputs[output][i] = indicator.GetOutput(output);
        }
        return outputs;
    }

    /// <summary>As <see cref="Run(IIndicator, ReadOnlySpan{Bar})"/>, for plain values such as closes.</summary>
    public static double[][] Run(IPriceIndicator indicator, ReadOnlySpan<double> inputs)
    {
        ArgumentNullException.ThrowIfNull(indicator);
        indicator.Reset();
        var outputs = Allocate(indicator, inputs.Length);
        for (var i = 0; i < inputs.Length; i++)
        {
            indicator.Update(inputs[i]);
            for (var output = 0; output < outputs.Length; output++) outputs[output][i] = indicator.GetOutput(output);
        }
        return outputs;
    }

    private static double[][] Allocate(IIndicator indicator, int length)
    {
        var outputs = new double[indicator.OutputNames.Count][];
        for (var i = 0; i < outputs.Length; i++) outputs[i] = new double[length];
        return outputs;
    }
}
