namespace Keel.Core.Indicators;

/// <summary>
/// Exponential moving average as TA-Lib computes it: smoothing k = 2/(period+1), seeded with the
/// simple mean of the first <see cref="Period"/> inputs (so the first value comes with the
/// <see cref="Period"/>-th input), then ema = (x − ema)·k + ema.
/// </summary>
public sealed class Ema : PriceIndicator
{
    private double _ema; // while seeding: the sum of the inputs so far

    public Ema(int period = 20) : base($"ema_{period}", warmUpPeriod: period)
    {
        IndicatorGuard.Period(period, minimum: 1, "EMA", nameof(period));
        Period = period;
        SmoothingFactor = 2.0 / (period + 1);
    }

    public int Period { get; }

    /// <summary>k = 2/(period+1), the weight of each new input.</summary>
    public double SmoothingFactor { get; }

    protected override double ComputeNextValue(double input)
    {
        if (Samples < Period)
        {
            _ema += input;
            if (Samples < Period - 1) return double.NaN;
            _ema /= Period; // the seed: summed in input order, then divided, as TA-Lib does
            return _ema;
        }
        // Same operation order as TA-Lib, so results agree to the last bit or nearly.
        _ema = (input - _ema) * SmoothingFactor + _ema;
        return _ema;
    }

    protected override void ResetState() => _ema = 0;
}
