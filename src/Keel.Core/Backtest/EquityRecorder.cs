using System.Runtime.CompilerServices;
using Keel.Core.Domain;
using Keel.Core.Metrics;
using Keel.Core.Trading;

namespace Keel.Core.Backtest;

/// <summary>
/// The account's value after each timestamp of a backtest: the curve (unless told not to keep it), its
/// statistics and the daily returns. Points are folded into the statistics one behind, because the
/// end-of-run close may still replace the last one; so a run that keeps no curve (a sweep trial) gets the
/// very numbers its curve would have given, without the curve in memory.
/// </summary>
internal sealed class EquityRecorder
{
    private readonly bool _keepCurve;
    // A plain array, not List<T>: List<EquityPoint>.Add is a generic instantiation that ReadyToRun cannot
    // precompile across assemblies, so the hottest append of a backtest would start out unoptimised.
    private EquityPoint[] _curve;
    private int _count;
    private EquityPoint _last;
    private CurveAccumulator _statistics;
    private readonly DailyReturns _daily;

    public EquityRecorder(double startingEquity, bool keepCurve, int expectedPoints)
    {
        _keepCurve = keepCurve;
        _curve = keepCurve ? new EquityPoint[Math.Max(expectedPoints, 1)] : [];
        _statistics = new CurveAccumulator(startingEquity);
        _daily = new DailyReturns(startingEquity);
    }

    /// <summary>Points recorded, kept or not.</summary>
    public int Count => _count;

    public EquityPoint Last => _last;

    /// <summary>The points recorded, or none when the curve is not kept.</summary>
    public IReadOnlyList<EquityPoint> Curve => new ArraySegment<EquityPoint>(_curve, 0, _keepCurve ? _count : 0);

    public void Record(in EquityPoint point)
    {
        if (_count > 0) Fold(ref _statistics, _last);
        _last = point;
        if (_keepCurve)
        {
            if (_count == _curve.Length) Array.Resize(ref _curve, _curve.Length * 2);
            _curve[_count] = point;
        }
        _count++;
    }

    /// <summary>
    /// Records a quiet stretch: bars over which cash and positions stay put and only
    /// <paramref name="symbolIndex"/>'s mark moves, so each point is the portfolio valued at that bar's close.
    /// </summary>
    public void RecordQuiet(ReadOnlySpan<Bar> bars, Portfolio portfolio, int symbolIndex)
    {
        if (bars.IsEmpty) return;
        var cash = portfolio.CashAsDouble;
        if (_keepCurve)
        {
            if (_count + bars.Length > _curve.Length) Array.Resize(ref _curve, Math.Max(_curve.Length * 2, _count + bars.Length));
            for (var k = 0; k < bars.Length; k++)
                _curve[_count + k] = EquityPoint.Of(bars[k].Timestamp, cash, portfolio.PositionValueWith(symbolIndex, bars[k].Close));
        }
        // Folded one behind, as Record does: the pending point, then all but the stretch's last bar, which
        // becomes the pending point.
        if (portfolio.TryValueLine(symbolIndex, out var held, out var quantity)) FoldLine(bars, cash, held, quantity);
        else
        {
            if (_count > 0) Fold(ref _statistics, _last);
            foreach (ref readonly var bar in bars[..^1]) Fold(ref _statistics, EquityPoint.Of(bar.Timestamp, cash, portfolio.PositionValueWith(symbolIndex, bar.Close)));
            _last = EquityPoint.Of(bars[^1].Timestamp, cash, portfolio.PositionValueWith(symbolIndex, bars[^1].Close));
        }
        _count += bars.Length;
    }

    /// <summary>
    /// Records a quiet stretch whose position value is a straight line in the close (<see cref="Portfolio.TryValueLine"/>),
    /// folding the pending point and all but the last bar. A sweep spends most of its bars here. The statistics
    /// loop makes no call, so its state stays in registers (every call would spill them: all of them are
    /// caller-saved); the daily returns, which keep only each day's last point, are then given just those points.
    /// </summary>
    private void FoldLine(ReadOnlySpan<Bar> stretch, double cash, double held, double quantity)
    {
        var pending = _count > 0;
        var bars = stretch[..^1];
        var statistics = _statistics;
        if (pending) statistics.Add(_last);
        foreach (ref readonly var bar in bars)
            statistics.Add(EquityPoint.Of(bar.Timestamp, cash, LineValue(held, quantity, bar.Close)));
        _statistics = statistics;
        if (pending) _daily.Add(_last);
        _last = EquityPoint.Of(stretch[^1].Timestamp, cash, LineValue(held, quantity, stretch[^1].Close));
        for (var k = 0; k < bars.Length; k++)
        {
            // Bars are in time order: the day's last is the one before the first at or after the next midnight
            // (a short stretch usually ends on the day it started).
            var nextDay = DailyReturns.NextDayStart(bars[k].Timestamp);
            if (bars[^1].Timestamp.Ticks < nextDay) k = bars.Length - 1;
            else while (bars[k + 1].Timestamp.Ticks < nextDay) k++;
            _daily.Add(EquityPoint.Of(bars[k].Timestamp, cash, LineValue(held, quantity, bars[k].Close)));
        }
    }

    /// <summary>The positions' value on the line <see cref="Portfolio.TryValueLine"/> gave, bit for bit what it stands for (inlined: the loop above stays call-free).</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static double LineValue(double held, double quantity, double close) => quantity != 0 ? held + quantity * close : held;

    /// <summary>Re-values the last point (end-of-run fills at that same time).</summary>
    public void ReplaceLast(in EquityPoint point)
    {
        _last = point;
        if (_keepCurve) _curve[_count - 1] = point;
    }

    /// <summary>The statistics and daily returns of every point; call once, after the last point.</summary>
    public (CurveStatistics Statistics, double[] DailyReturns) Finish()
    {
        if (_count > 0) Fold(ref _statistics, _last);
        return (_statistics.Statistics(), _daily.ToArray());
    }

    private void Fold(ref CurveAccumulator statistics, in EquityPoint point)
    {
        statistics.Add(point);
        _daily.Add(point);
    }
}
