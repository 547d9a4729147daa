namespace Keel.Core.Indicators;

/// <summary>
/// Population standard deviation (divided by n, as TA-Lib STDDEV) of the last <see cref="Period"/> inputs.
/// </summary>
/// <remarks>
/// TA-Lib returns 0 whenever the variance is below an epsilon (1e-8 in 0.4); we return the square root
/// of whatever the variance is, and exactly 0 only for a window of equal values.
/// </remarks>
public sealed class RollingStdDev : PriceIndicator
{
    private readonly RollingMoments _window;

    public RollingStdDev(int period = 20) : base($"stddev_{period}", warmUpPeriod: period)
    {
        IndicatorGuard.Period(period, minimum: 2, "StdDev", nameof(period)); // one value has no spread
        Period = period;
        _window = new RollingMoments(period);
    }

    public int Period { get; }

    protected override double ComputeNextValue(double input)
    {
        _window.Add(input);
        return Math.Sqrt(_window.PopulationVariance);
    }

    protected override void ResetState() => _window.Clear();
}
