namespace Keel.Core.Indicators;

/// <summary>
/// Weighted moving average (TA-Lib WMA): weights 1 (oldest) to <see cref="Period"/> (newest),
/// divided by period·(period+1)/2.
/// </summary>
/// <remarks>
/// Kept in O(1) with a running weighted sum: when a value arrives every value in the window loses one
/// unit of weight (subtract the plain sum) and the newcomer gets the full weight. Both sums are
/// recomputed exactly from the window whenever it has turned over, or sooner if a large value left
/// (the magnitude that flowed through the sums dwarfs what is left), so rounding cannot drift.
/// </remarks>
public sealed class Wma : PriceIndicator
{
    /// <summary>About 1e6: keeps accumulated rounding near 1e6 · 2.2e-16 relative at worst.</summary>
    private const double CancellationLimit = 1 << 20;

    private readonly RollingWindow _window;
    private readonly double _weightTotal;
    private double _weightedSum; // Σ weight·x, weights 1 (oldest) .. count (newest)
    private double _sum;         // Σ x
    private double _flow;        // Σ |x| added or removed since the last recomputation
    private int _updatesSinceRecompute;

    public Wma(int period = 20) : base($"wma_{period}", warmUpPeriod: period)
    {
        IndicatorGuard.Period(period, minimum: 1, "WMA", nameof(period));
        Period = period;
        _window = new RollingWindow(period);
        _weightTotal = period * (period + 1.0) / 2.0;
    }

    public int Period { get; }

    protected override double ComputeNextValue(double input)
    {
        if (_window.IsFull)
        {
            var leaving = _window.Oldest;
            _weightedSum += Period * input - _sum; // the leaving value had weight 1 and loses it
            _sum += input - leaving;
            _flow += Math.Abs(input) + Math.Abs(leaving);
        }
        else
        {
            _weightedSum += (_window.Count + 1) * input;
            _sum += input;
            _flow += Math.Abs(input);
        }
        _window.Add(input);

        if (++_updatesSinceRecompute >= Period || _flow > CancellationLimit * Math.Abs(_sum))
            Recompute();
        return _window.IsFull ? _weightedSum / _weightTotal : double.NaN;
    }

    protected override void ResetState()
    {
        _window.Clear();
        _weightedSum = _sum = _flow = 0;
        _updatesSinceRecompute = 0;
    }

    private void Recompute()
    {
        _weightedSum = 0;
        _sum = 0;
        _flow = 0;
        for (var i = 0; i < _window.Count; i++)
        {
            _weightedSum += (i + 1) * _window[i];
            _sum += _window[i];
            _flow += Math.Abs(_window[i]);
        }
        _updatesSinceRecompute = 0;
    }
}
