using Keel.Core.Trading;

namespace Keel.Core.Metrics;

/// <summary>
/// Everything the metrics need from the equity curve, gathered in one pass without allocating:
/// per-bar return moments, the deepest and longest drawdown, and the bars with a position.
/// </summary>
internal readonly record struct CurveStatistics(
    int ReturnCount,
    double MeanReturn,
    double ReturnStdDev,
    double DownsideDeviation,
    double MaxDrawdownPct,
    TimeSpan MaxDrawdownDuration,
    double ExposurePct,
    TimeSpan Elapsed)
{
    public static CurveStatistics Of(IReadOnlyList<EquityPoint> curve, double startingEquity)
    {
        var count = curve.Count;
        if (count == 0) return default;

        // Welford's running mean and sum of squared deviations: one pass and stable when the
        // returns are tiny next to their mean (minute bars).
        var n = 0;
        var mean = 0.0;
        var sumSquaredDeviations = 0.0;
        var sumSquaredDownside = 0.0;

        var previousEquity = startingEquity;
        var peak = startingEquity;
        var peakTime = curve[0].Time; // the starting equity stands at the first point's time
        var belowPeak = false;
        var maxDrawdownPct = 0.0;
        var maxDrawdownDuration = TimeSpan.Zero;
        var barsInMarket = 0;

        for (var i = 0; i < count; i++)
        {
            var point = curve[i];
            var equity = point.Equity;

            // A return needs a positive base; a wiped-out account has no meaningful percentage.
            if (previousEquity > 0)
            {
                var r = equity / previousEquity - 1;
                n++;
                var delta = r - mean;
                mean += delta / n;
                sumSquaredDeviations += delta * (r - mean);
                if (r < 0) sumSquaredDownside += r * r;
            }
            previousEquity = equity;

            if (equity >= peak)
            {
                if (belowPeak)
                {
                    var duration = point.Time - peakTime;
                    if (duration > maxDrawdownDuration) maxDrawdownDuration = duration;
                    belowPeak = false;
                }
                peak = equity;
                peakTime = point.Time; // the last time at the peak is where the next drawdown starts
            }
            else
            {
                belowPeak = true;
                if (peak > 0)
                {
                    var drawdownPct = (peak - equity) / peak * 100;
                    if (drawdownPct > maxDrawdownPct) maxDrawdownPct = drawdownPct;
                }
            }

            if (point.PositionValue != 0) barsInMarket++;
        }

        var last = curve[count - 1];
        if (belowPeak)
        {
            var unrecovered = last.Time - peakTime;
            if (unrecovered > maxDrawdownDuration) maxDrawdownDuration = unrecovered;
        }

        return new CurveStatistics(
            ReturnCount: n,
            MeanReturn: mean,
            ReturnStdDev: n >= 2 ? Math.Sqrt(sumSquaredDeviations / (n - 1)) : 0,
            DownsideDeviation: n >= 1 ? Math.Sqrt(sumSquaredDownside / n) : 0,
            MaxDrawdownPct: maxDrawdownPct,
            MaxDrawdownDuration: maxDrawdownDuration,
            ExposurePct: (double)barsInMarket / count * 100,
            Elapsed: last.Time - curve[0].Time);
    }
}
