using System.Globalization;
using Keel.Reporting.Charts;

namespace Keel.Reporting.Html;

/// <summary>The drawdown (percent under the running peak) of each run over time, drawn downwards from 0.</summary>
internal static class DrawdownOverlayChart
{
    public const string ElementId = "chart-drawdown";
    private const double Width = 1000, PlotHeight = 260, Left = 64, Right = 24, Top = 20, AxisSpace = 40;

    public static string Render(IReadOnlyList<ReportRun> runs)
    {
        var svg = new SvgCanvas(Width, Top + PlotHeight + AxisSpace + 24, "Drawdown from the running peak, percent");
        var series = runs.Select(r => (Run: r, Points: Points(r))).Where(s => s.Points.Count > 0).ToList();
        if (series.Count == 0)
        {
            svg.Placeholder("No equity curve to draw");
            return svg.ToString();
        }
        var first = series.Min(s => s.Points[0].Time);
        var last = series.Max(s => s.Points[^1].Time);
        var deepest = series.Max(s => s.Points.Max(p => p.Drawdown));
        var y = new NiceScale(-Math.Max(deepest, 1), 0, Top + PlotHeight, Top);
        var span = Math.Max(1, (last - first).Ticks);
        double X(DateTime t) => Left + (double)(t - first).Ticks / span * (Width - Right - Left);
        AxisDrawing.HorizontalGrid(svg, y, Left, Width - Right, "%");
        svg.Text(Left, Top + PlotHeight + 16, first.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture), "tick");
        svg.Text(Width - Right, Top + PlotHeight + 16, last.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture), "tick", "end");
        for (var i = 0; i < series.Count; i++)
            svg.Polyline(series[i].Points.Select(p => (X(p.Time), y.Pixel(-p.Drawdown))).ToList(), ChartPalette.ForRun(i), series[i].Run.Label);
        AxisDrawing.Legend(svg, Left, Top + PlotHeight + AxisSpace + 4,
            series.Select((s, i) => ($"{s.Run.Label} (max {DisplayFormat.Fixed(s.Run.Metrics.MaxDrawdownPct, 1)}%)", ChartPalette.ForRun(i))).ToList());
        return svg.ToString();
    }

    private static List<(DateTime Time, double Drawdown)> Points(ReportRun run)
    {
        var drawdowns = DrawdownSeries.Percentages(run.Curve, run.Metrics.StartingEquity);
        var keep = MinMaxDownsampler.SelectIndices(drawdowns, EquityOverlayChart.MaxPointsPerCurve);
        return keep.Select(i => (run.Curve[i].Time, drawdowns[i])).ToList();
    }
}
