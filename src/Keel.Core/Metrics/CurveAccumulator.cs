using Keel.Core.Trading;

namespace Keel.Core.Metrics;

/// <summary>
/// Builds <see cref="CurveStatistics"/> one equity point at a time, so a run can fold its curve in as it
/// goes instead of keeping it (sweep trials); <see cref="CurveStatistics.Of"/> feeds it a stored curve.
/// One code path for both means both give bit-for-bit the same numbers.
/// </summary>
internal struct CurveAccumulator(double startingEquity)
{
    private int _points;

    // Welford's running mean and sum of squared deviations: one pass and stable when the returns are
    // tiny next to their mean (minute bars).
    private int _returns;
    private double _mean;
    private double _sumSquaredDeviations;
    private double _sumSquaredDownside;

    private double _previousEquity = startingEquity;
    private double _peak = startingEquity;
    private double _trough = startingEquity; // the lowest equity since the peak
    private bool _belowPeak;
    private double _maxDrawdownPct;
    private int _barsInMarket;
    // Times and durations in ticks, as DateTime and TimeSpan subtract them: a DateTime subtraction is a call
    // the JIT may leave out of line, and any call in a sweep's tightest loop costs more than the loop.
    private long _peakTime;
    private long _maxDrawdownDuration;
    private long _firstTime;
    private long _lastTime;

    public void Add(in EquityPoint point)
    {
        var time = point.Time.Ticks;
        if (_points++ == 0) _firstTime = _peakTime = time; // the starting equity stands at the first point's time
        _lastTime = time;
        var equity = point.Equity;

        // A return needs a positive base; a wiped-out account has no meaningful percentage.
        if (_previousEquity > 0)
        {
            var r = equity / _previousEquity - 1;
            _returns++;
            var delta = r - _mean;
            _mean += delta / _returns;
            _sumSquaredDeviations += delta * (r - _mean);
            // r < 0 ? r : 0 without a branch (minsd on x64): gains and losses alternate unpredictably, and
            // adding 0 for a gain leaves the (never negative) sum as it was. (r is NaN only when the mean is.)
            var loss = double.MinNative(r, 0);
            _sumSquaredDownside += loss * loss;
        }
        _previousEquity = equity;

        if (equity >= _peak)
        {
            if (_belowPeak)
            {
                var duration = time - _peakTime;
                if (duration > _maxDrawdownDuration) _maxDrawdownDuration = duration;
                _belowPeak = false;
            }
            _peak = _trough = equity;
            _peakTime = time; // the last time at the peak is where the next drawdown starts
        }
        else
        {
            _belowPeak = true;
            // Each step of the drawdown's formula is monotonic in the equity, so below a peak only a new low
            // can set a new maximum: the division is skipped for every other point.
            if (_peak > 0 && equity < _trough)
            {
                _trough = equity;
                var drawdownPct = (_peak - equity) / _peak * 100;
                if (drawdownPct > _maxDrawdownPct) _maxDrawdownPct = drawdownPct;
            }
        }

        if (point.PositionValue != 0) _barsInMarket++;
    }

    /// <summary>The statistics of the points added so far; a drawdown still open counts up to the last point.</summary>
    public readonly CurveStatistics Statistics()
    {
        if (_points == 0) return default;
        var maxDrawdownDuration = _maxDrawdownDuration;
        if (_belowPeak && _lastTime - _peakTime > maxDrawdownDuration) maxDrawdownDuration = _lastTime - _peakTime;
        return new CurveStatistics(
            ReturnCount: _returns,
            MeanReturn: _mean,
            ReturnStdDev: _returns >= 2 ? Math.Sqrt(_sumSquaredDeviations / (_returns - 1)) : 0,
            DownsideDeviation: _returns >= 1 ? Math.Sqrt(_sumSquaredDownside / _returns) : 0,
            MaxDrawdownPct: _maxDrawdownPct,
            MaxDrawdownDuration: new TimeSpan(maxDrawdownDuration),
            ExposurePct: (double)_barsInMarket / _points * 100,
            Elapsed: new TimeSpan(_lastTime - _firstTime));
    }
}
