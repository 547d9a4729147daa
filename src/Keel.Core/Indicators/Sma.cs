namespace Keel.Core.Indicators;

/// <summary>Simple moving average: the mean of the last <see cref="Period"/> inputs (TA-Lib SMA).</summary>
public sealed class Sma : PriceIndicator
{
    private readonly RollingMoments _window;

    /// <param name="period">Inputs averaged; the first value comes with the <paramref name="period"/>-th input.</param>
    public Sma(int period = 20) : base($"sma_{period}", warmUpPeriod: period)
    {
        IndicatorGuard.Period(period, minimum: 1, "SMA", nameof(period));
        Period = period;
        _window = new RollingMoments(period);
    }

    public int Period { get; }

    protected override double ComputeNextValue(double input)
    {
        _window.Add(input);
        return _window.Mean;
    }

    protected override void ResetState() => _window.Clear();
}
