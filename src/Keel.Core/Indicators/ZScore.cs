namespace Keel.Core.Indicators;

/// <summary>
/// How many population standard deviations the latest input is from the mean of the last
/// <see cref="Period"/> inputs (the latest included): (x − SMA)/stddev. A window of equal values has
/// no spread and gives 0.
/// </summary>
public sealed class ZScore : PriceIndicator
{
    private readonly RollingMoments _window;

    public ZScore(int period = 20) : base($"zscore_{period}", warmUpPeriod: period)
    {
        IndicatorGuard.Period(period, minimum: 2, "ZScore", nameof(period)); // one value has no spread
        Period = period;
        _window = new RollingMoments(period);
    }

    public int Period { get; }

    protected override double ComputeNextValue(double input)
    {
        _window.Add(input);
        var standardDeviation = Math.Sqrt(_window.PopulationVariance);
        return standardDeviation > 0 ? (input - _window.Mean) / standardDeviation : 0;
    }

    protected override void ResetState() => _window.Clear();
}
