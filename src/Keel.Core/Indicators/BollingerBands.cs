using System.Globalization;

namespace Keel.Core.Indicators;

/// <summary>
/// Bollinger bands (TA-Lib BBANDS with a simple moving average): the middle band is the SMA of the
/// last <see cref="Period"/> inputs and the others sit <see cref="K"/> population standard deviations
/// above and below it.
/// </summary>
public sealed class BollingerBands : MultiOutputPriceIndicator
{
    private readonly RollingMoments _window;

    /// <param name="period">Inputs in the window; at least 2, since one value has no spread.</param>
    /// <param name="k">Band width in standard deviations; positive.</param>
    public BollingerBands(int period = 20, double k = 2)
        : base(NameOf(period, k), [$"bb_upper_{Suffix(period, k)}", $"bb_middle_{Suffix(period, k)}", $"bb_lower_{Suffix(period, k)}"])
    {
        IndicatorGuard.Period(period, minimum: 2, "Bollinger", nameof(period));
        if (!(k > 0) || !double.IsFinite(k))
            throw new ArgumentOutOfRangeException(nameof(k), k, $"Bollinger k must be a positive number of standard deviations, got {k}.");

        Period = period;
        K = k;
        _window = new RollingMoments(period);
    }

    private static string Suffix(int period, double k) => $"{period}_{k.ToString(CultureInfo.InvariantCulture)}";

    private static string NameOf(int period, double k) => $"bb_{Suffix(period, k)}";

    public int Period { get; }
    public double K { get; }

    public override int WarmUpPeriod => Period;

    /// <summary>Middle + k·stddev; NaN until <see cref="IsReady"/>.</summary>
    public double Upper { get; private set; } = double.NaN;

    /// <summary>The SMA; NaN until <see cref="IsReady"/>.</summary>
    public double Middle { get; private set; } = double.NaN;

    /// <summary>Middle − k·stddev; NaN until <see cref="IsReady"/>.</summary>
    public double Lower { get; private set; } = double.NaN;

    protected override void Accept(double input, int seen)
    {
        _window.Add(input);
        if (seen + 1 < WarmUpPeriod) return;
        var middle = _window.Mean;
        var width = K * Math.Sqrt(_window.PopulationVariance);
        Upper = middle + width;
        Middle = middle;
        Lower = middle - width;
    }

    public override double GetOutput(int index) => index switch
    {
        0 => Upper,
        1 => Middle,
        2 => Lower,
        _ => throw new ArgumentOutOfRangeException(nameof(index), index, $"{Name} has outputs 0 (upper), 1 (middle) and 2 (lower)."),
    };

    protected override void ResetState()
    {
        _window.Clear();
        Upper = Middle = Lower = double.NaN;
    }
}
