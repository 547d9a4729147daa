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
            series.Add(new ChartSeriesOption($"{runs[i].Label} (max {DisplayFormat.Fixed(runs[i].Metrics.MaxDrawdownPct, 1)}%)", "line", points)
            {
                Color = ChartPalette.ForRun(i),
                ShowSymbol = false,
                LineStyle = new ChartLineStyle(1.6),
            });
        }
        if (series.Count == 0) return EChartElement.Placeholder("No equity curve to draw");

        var legend = ChartParts.LegendHeight(series.Select(s => s.Name));
        var option = new ChartOption
        {
            Tooltip = new ChartTooltip("axis"),
            Legend = new ChartLegend(Top: "0", Left: 10, Right: 10),
            Grid = new ChartGrid(64, 24, legend + 16, 64),
            XAxis = ChartParts.TimeAxis(),
            YAxis = ChartParts.PercentAxis() with { Max = 0 },
            DataZoom = ChartParts.TimeZoom(),
            Series = series,
        };
        return EChartElement.Html(option, legend + 16 + PlotHeight + 64, "Drawdown from the running peak, percent");
    }

    private static List<ChartPoint> Points(ReportRun run)
    {
        var drawdowns = DrawdownSeries.Percentages(run.Curve, run.Metrics.StartingEquity);
        var keep = MinMaxDownsampler.SelectIndices(drawdowns, EquityOverlayChart.MaxPointsPerCurve);
        return keep.Select(i => ChartPoint.At(ChartParts.Ms(run.Curve[i].Time), ChartParts.Round(drawdowns[i] == 0 ? 0 : -drawdowns[i]))).ToList();
    }
}
