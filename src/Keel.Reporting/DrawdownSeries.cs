using Keel.Core.Trading;

namespace Keel.Reporting;

/// <summary>
/// The drawdown of every curve point as a positive percent below the running peak, where the peak
/// starts at the starting equity: the same definition as the maximum drawdown metric.
/// </summary>
internal static class DrawdownSeries
{
    public static double[] Percentages(IReadOnlyList<EquityPoint> curve, decimal startingEquity)
    {
        var result = new double[curve.Count];
        var peak = (double)startingEquity;
        for (var i = 0; i < result.Length; i++)
        {
            var equity = curve[i].Equity;
            if (equity > peak) peak = equity;
            result[i] = peak > 0 ? (peak - equity) / peak * 100 : 0;
        }
        return result;
    }
}
