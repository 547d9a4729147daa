using Keel.Core.Trading;

namespace Keel.Core.Research;

/// <summary>
/// Simple returns of the equity at the last point of each UTC day. Intraday curves are compared on a
/// daily grid so every trial of a sweep has the same periods, and PBO's matrix stays small.
/// </summary>
public static class DailyReturns
{
    public static double[] Of(IReadOnlyList<EquityPoint> curve, double startingEquity)
    {
        var returns = new List<double>();
        var previous = startingEquity;
        for (var i = 0; i < curve.Count; i++)
        {
            var endOfDay = i == curve.Count - 1 || curve[i + 1].Time.Date != curve[i].Time.Date;
            if (!endOfDay) continue;
            var equity = curve[i].Equity;
            returns.Add(previous > 0 ? equity / previous - 1 : 0);
            previous = equity;
        }
        return [.. returns];
    }
}
