using System.Globalization;
using Keel.Reporting.Charts;

namespace Keel.Reporting.Html;

/// <summary>
/// Every run's equity curve on one time axis, each divided by its starting equity and times 100 so
/// runs on different symbols and account sizes compare. Each curve is thinned to at most
/// <see cref="MaxPointsPerCurve"/> points (first, last, and each bucket's low and high), which keeps
/// the file small without hiding peaks and troughs.
/// </summary>
internal static class EquityOverlayChart
{
    public const string ElementId = "chart-equity";
    public const int MaxPointsPerCurve = 1_000;
    private const double Width = 1000, PlotHeight = 380;
    private const double Left = 64, Right = 24, Top = 20, AxisSpace = 40;
    private const int LegendColumns = 3;
    private const double LegendRowHeight = 20;

    public static string Render(IReadOnlyList<ReportRun> runs)
    {
        var legendRows = (runs.Count + LegendColumns - 1) / LegendColumns;
        var height = Top + PlotHeight + AxisSpace + legendRows * LegendRowHeight + 10;
        var svg = new SvgCanvas(Width, height, "Equity curves normalised to start at 100");

        var curves = new List<(int Run, List<(DateTime Time, double Value)> Points)>();
        var endings = new double?[runs.Count];
        for (var i = 0; i < runs.Count; i++)
        {
            var points = Normalised(runs[i]);
            if (points.Count == 0) continue;
            curves.Add((i, points));
            endings[i] = points[^1].Value;
        }
        if (curves.Count == 0)
        {
            svg.Placeholder(runs.Count == 0 ? "No runs" : "No equity curve to draw");
            return svg.ToString();
        }

        var plotRight = Width - Right;
        var plotBottom = Top + PlotHeight;
        var firstTime = curves.Min(c => c.Points[0].Time);
        var lastTime = curves.Max(c => c.Points[^1].Time);
        var values = curves.SelectMany(c => c.Points).Select(p => p.Value).Append(100).ToList();
        var y = new NiceScale(values.Min(), values.Max(), plotBottom, Top);
        var span = Math.Max(1, (lastTime - firstTime).Ticks);
        double X(DateTime t) => Left + (double)(t - firstTime).Ticks / span * (plotRight - Left);

        AxisDrawing.HorizontalGrid(svg, y, Left, plotRight);
        TimeAxis(svg, firstTime, lastTime, X, plotBottom);
        svg.Line(Left, y.Pixel(100), plotRight, y.Pixel(100), "baseline");

        foreach (var (run, points) in curves)
        {
            var line = new List<(double, double)>(points.Count);
            foreach (var (time, value) in points) line.Add((X(time), y.Pixel(value)));
            svg.Polyline(line, ChartPalette.ForRun(run), runs[run].Label);
        }

        var columnWidth = (plotRight - Left) / LegendColumns;
        for (var i = 0; i < runs.Count; i++)
        {
            var lx = Left + i % LegendColumns * columnWidth;
            var ly = plotBottom + AxisSpace + i / LegendColumns * LegendRowHeight + 4;
            svg.Rect(lx, ly - 9, 12, 12, ChartPalette.ForRun(i));
            var suffix = endings[i] is { } ending ? $" ({DisplayFormat.Fixed(ending, 1)})" : " (no curve)";
            svg.Text(lx + 17, ly + 1, ChartText.Truncate(runs[i].Label, 34) + suffix, "legend");
        }
        return svg.ToString();
    }

    /// <summary>The run's finite equity points as 100 × equity / starting equity, thinned for drawing.</summary>
    private static List<(DateTime Time, double Value)> Normalised(ReportRun run)
    {
        var curve = run.Curve;
        var basis = (double)run.Metrics.StartingEquity;
        if (basis <= 0)
        {
            // Without a starting equity the first positive point is the best base there is.
            basis = curve.Select(p => p.Equity).FirstOrDefault(e => double.IsFinite(e) && e > 0);
            if (basis <= 0) return [];
        }

        var finite = new List<(DateTime Time, double Value)>(curve.Count);
        foreach (var p in curve)
        {
            if (double.IsFinite(p.Equity)) finite.Add((p.Time, p.Equity / basis * 100));
        }
        var keep = MinMaxDownsampler.SelectIndices(finite.Select(p => p.Value).ToList(), MaxPointsPerCurve);
        return keep.Select(i => finite[i]).ToList();
    }

    /// <summary>Six evenly spaced date labels; times of day only when the whole span is short.</summary>
    private static void TimeAxis(SvgCanvas svg, DateTime first, DateTime last, Func<DateTime, double> x, double plotBottom)
    {
        const int Labels = 6;
        var span = last - first;
        var format = span >= TimeSpan.FromDays(3) ? "yyyy-MM-dd" : "MM-dd HH:mm";
        for (var k = 0; k < Labels; k++)
        {
            var time = first + span * k / (Labels - 1);
            var px = x(time);
            svg.Line(px, Top, px, plotBottom, "grid");
            var anchor = k == 0 ? "start" : k == Labels - 1 ? "end" : "middle";
            svg.Text(px, plotBottom + 16, time.ToString(format, CultureInfo.InvariantCulture), "tick", anchor);
        }
    }
}
