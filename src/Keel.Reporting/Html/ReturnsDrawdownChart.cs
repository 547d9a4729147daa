namespace Keel.Reporting.Html;

/// <summary>
/// Grouped bars per run: total return % beside max drawdown %, the drawdown drawn below zero so a
/// glance shows what each run earned against what it risked.
/// </summary>
internal static class ReturnsDrawdownChart
{
    public const string ElementId = "chart-returns-drawdown";
    private const double Width = 1000;
    private const double PlotHeight = 300;
    private const double Left = 64, Right = 16, Top = 40;
    private const int MaxLabelChars = 32;

    public static string Render(IReadOnlyList<ReportRun> runs)
    {
        var longestLabel = runs.Count == 0 ? 0 : runs.Max(r => Math.Min(r.Label.Length, MaxLabelChars));
        // Labels are rotated 35°, so their height grows with their length.
        var bottom = 24 + Math.Clamp(longestLabel * 3.6, 16, 140);
        var svg = new SvgCanvas(Width, Top + PlotHeight + bottom, "Total return % and max drawdown % per run");
        if (runs.Count == 0)
        {
            svg.Placeholder("No runs");
            return svg.ToString();
        }

        var values = new List<double> { 0 };
        foreach (var run in runs)
        {
            if (double.IsFinite(run.Metrics.TotalReturnPct)) values.Add(run.Metrics.TotalReturnPct);
            if (double.IsFinite(run.Metrics.MaxDrawdownPct)) values.Add(-run.Metrics.MaxDrawdownPct);
        }
        var plotBottom = Top + PlotHeight;
        var y = new NiceScale(values.Min(), values.Max(), plotBottom, Top);
        AxisDrawing.HorizontalGrid(svg, y, Left, Width - Right, "%");
        AxisDrawing.Legend(svg, Left, 18, [("Total return %", ChartPalette.Gain), ("Max drawdown % (below zero)", ChartPalette.Loss)]);

        var groupWidth = (Width - Left - Right) / runs.Count;
        var barWidth = Math.Min(36, groupWidth * 0.36);
        var zero = y.Pixel(0);
        var showValues = runs.Count <= 12;
        for (var i = 0; i < runs.Count; i++)
        {
            var run = runs[i];
            var centre = Left + groupWidth * (i + 0.5);
            Bar(svg, y, zero, centre - barWidth - 1, barWidth, run.Metrics.TotalReturnPct, ChartPalette.Gain, $"{run.Label}: total return", showValues);
            Bar(svg, y, zero, centre + 1, barWidth, -run.Metrics.MaxDrawdownPct, ChartPalette.Loss, $"{run.Label}: max drawdown", showValues);
            svg.Text(centre, plotBottom + 14, ChartText.Truncate(run.Label, MaxLabelChars), "tick", "end", rotate: -35);
        }
        svg.Line(Left, zero, Width - Right, zero, "zero");
        return svg.ToString();
    }

    private static void Bar(SvgCanvas svg, NiceScale y, double zero, double x, double width, double value, string colour, string what, bool showValue)
    {
        var text = DisplayFormat.Fixed(value) + "%";
        if (!double.IsFinite(value))
        {
            svg.Text(x + width / 2, zero - 4, DisplayFormat.NotAvailable, "value", "middle");
            return;
        }
        var top = Math.Min(zero, y.Pixel(value));
        svg.Rect(x, top, width, Math.Abs(y.Pixel(value) - zero), colour, $"{what} {text}");
        if (showValue)
            svg.Text(x + width / 2, value >= 0 ? top - 4 : top + Math.Abs(y.Pixel(value) - zero) + 11, DisplayFormat.Fixed(value, 1), "value", "middle");
    }
}
