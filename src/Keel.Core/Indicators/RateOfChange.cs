namespace Keel.Core.Indicators;

/// <summary>
/// TA-Lib ROC: (x / x_period_ago − 1)·100, the percent change over <see cref="Period"/> inputs. The
/// first value comes with input period+1. Like TA-Lib it gives 0 when the old value is 0.
/// </summary>
public sealed class RateOfChange : PriceIndicator
{
    private readonly RollingWindow _window; // the last `period` inputs; the oldest is the one to compare with

    public RateOfChange(int period = 10) : base($"roc_{period}", warmUpPeriod: period + 1)
    {
        IndicatorGuard.Period(period, minimum: 1, "ROC", nameof(period));
        Period = period;
        _window = new RollingWindow(period);
    }

    public int Period { get; }

    protected override double ComputeNextValue(double input)
    {
        var result = double.NaN;
        if (_window.IsFull)
        {
            var past = _window.Oldest;
            result = past != 0 ? (input / past - 1.0) * 100.0 : 0.0;
        }
        _window.Add(input);
        return result;
    }

    protected override void ResetState() => _window.Clear();
}
