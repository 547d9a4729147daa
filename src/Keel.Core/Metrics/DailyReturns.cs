using Keel.Core.Trading;

namespace Keel.Core.Metrics;

/// <summary>
/// Simple returns of the equity at the last point of each UTC day. Intraday curves are compared on a
/// daily grid so every trial of a sweep has the same periods, and PBO's matrix stays small. Built one
/// point at a time (a backtest folds its curve in as it goes) or from a stored curve with <see cref="Of"/>.
/// </summary>
public sealed class DailyReturns(double startingEquity)
{
    private readonly List<double> _returns = [];
    private double _previous = startingEquity;
    // The latest point, the day's last unless a later one comes on the same day: its day number and equity.
    private long _pendingDay = -1;
    private double _pendingEquity;

    public static double[] Of(IReadOnlyList<EquityPoint> curve, double startingEquity)
    {
        var daily = new DailyReturns(startingEquity);
        for (var i = 0; i < curve.Count; i++) daily.Add(curve[i]);
        return daily.ToArray();
    }

    /// <summary>Adds the next point in time order.</summary>
    public void Add(in EquityPoint point)
    {
        var day = DayOf(point.Time);
        if (day != _pendingDay && _pendingDay >= 0)
        {
            _returns.Add(Return(_pendingEquity));
            _previous = _pendingEquity;
        }
        _pendingDay = day;
        _pendingEquity = point.Equity;
    }

    /// <summary>The UTC day number of <paramref name="time"/>: points with the same one fall in the same day.</summary>
    private static long DayOf(DateTime time) => time.Ticks / TimeSpan.TicksPerDay;

    /// <summary>The ticks of the UTC midnight after <paramref name="time"/>: where its day ends.</summary>
    internal static long NextDayStart(DateTime time) => (DayOf(time) + 1) * TimeSpan.TicksPerDay;

    /// <summary>One return per day so far, the day of the latest point included.</summary>
    public double[] ToArray()
    {
        var pending = _pendingDay >= 0 ? 1 : 0;
        var result = new double[_returns.Count + pending];
        _returns.CopyTo(result);
        if (pending > 0) result[^1] = Return(_pendingEquity);
        return result;
    }

    private double Return(double equity) => _previous > 0 ? equity / _previous - 1 : 0;
}
