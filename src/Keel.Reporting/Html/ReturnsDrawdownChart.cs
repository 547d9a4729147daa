using Keel.Reporting.Charts;

namespace Keel.Reporting.Html;

/// <summary>
/// Grouped bars per run: total return % beside max drawdown %, the drawdown drawn below zero so a glance shows
/// what each run earned against what it risked. Values are printed on the bars while there are few enough.
/// </summary>
internal static class ReturnsDrawdownChart
{
    public const string ElementId = "chart-returns-drawdown";
    public const int MaxRunsWithValues = 12;
    private const int PlotHeight = 300, LabelWidth = 190;

    public static string Render(IReadOnlyList<ReportRun> runs)
    {
        if (runs.Count == 0) return EChartElement.Placeholder("No runs");
        var longest = runs.Max(r => r.Label.Length);
        // Labels are rotated 35°, so their height grows with their length (up to the truncation width).
        var labelSpace = 24 + (int)Math.Clamp(longest * 3.6, 16, LabelWidth * 0.6);
        var label = runs.Count <= MaxRunsWithValues ? new ChartLabel(true, "outside", FontSize: 10) : null;
        var option = new ChartOption
        {
            Tooltip = new ChartTooltip("axis"),
            Legend = new ChartLegend(Top: "0", Left: 10),
            Grid = new ChartGrid(64, 16, 40, labelSpace),
            XAxis = new ChartAxis("category")
            {
                Data = runs.Select(r => r.Label).ToList(),
                AxisLabel = new ChartAxisLabel(Rotate: 35, Interval: 0, Width: LabelWidth, Overflow: "truncate"),
            },
            YAxis = ChartParts.PercentAxis(),
            Series =
            [
                new ChartSeriesOption("Total return %", "bar", runs.Select(r => ChartPoint.Of(ChartParts.Round(r.Metrics.TotalReturnPct, 2))).ToList())
                    { Color = ChartPalette.Gain, Label = label, BarMaxWidth = 40 },
                new ChartSeriesOption("Max drawdown % (below zero)", "bar", runs.Select(r => ChartPoint.Of(ChartParts.Round(-r.Metrics.MaxDrawdownPct, 2))).ToList())
                    { Color = ChartPalette.Loss, Label = label, BarMaxWidth = 40 },
            ],
        };
        return EChartElement.Html(option, 40 + PlotHeight + labelSpace, "Total return % and max drawdown % per run");
    }
}
