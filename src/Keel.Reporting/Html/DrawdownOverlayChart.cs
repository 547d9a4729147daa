using Keel.Reporting.Charts;

namespace Keel.Reporting.Html;

/// <summary>The drawdown (percent under the running peak) of each run over time, drawn downwards from 0.</summary>
internal static class DrawdownOverlayChart
{
    public const string ElementId = "chart-drawdown";
    private const int PlotHeight = 260;

    public static string Render(IReadOnlyList<ReportRun> runs)
    {
        var series = new List<ChartSeriesOption>();
        for (var i = 0; i < runs.Count; i++)
        {
            var points = Points(runs[i]);
            if (points.Count == 0) continue;
            series.Add(ChartParts.Curve($"{runs[i].Label} (max {DisplayFormat.Fixed(runs[i].Metrics.MaxDrawdownPct, 1)}%)", points, ChartPalette.ForRun(i)));
        }
        if (series.Count == 0) return EChartElement.Placeholder("No equity curve to draw");
        return ChartParts.TimeOverlay(series, ChartParts.PercentAxis() with { Max = 0 }, PlotHeight, "Drawdown from the running peak, percent");
    }

    private static List<ChartPoint> Points(ReportRun run)
    {
        var drawdowns = DrawdownSeries.Percentages(run.Curve, run.Metrics.StartingEquity);
        var keep = MinMaxDownsampler.SelectIndices(drawdowns, EquityOverlayChart.MaxPointsPerCurve);
        return keep.Select(i => ChartPoint.At(ChartParts.Ms(run.Curve[i].Time), ChartParts.Round(drawdowns[i] == 0 ? 0 : -drawdowns[i]))).ToList();
    }
}
