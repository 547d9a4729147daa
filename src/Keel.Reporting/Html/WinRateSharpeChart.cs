namespace Keel.Reporting.Html;

/// <summary>
/// Each run as a labelled point: win rate % across, Sharpe up. Runs with a non-finite value cannot be
/// placed and are named under the chart instead.
/// </summary>
internal static class WinRateSharpeChart
{
    public const string ElementId = "chart-winrate-sharpe";
    private const double Width = 1000, Height = 440;
    private const double Left = 64, Right = 24, Top = 20, Bottom = 60;
    private const int MaxLabelChars = 48;

    public static string Render(IReadOnlyList<ReportRun> runs)
    {
        var svg = new SvgCanvas(Width, Height, "Win rate % versus Sharpe ratio per run");
        var placed = new List<int>();
        for (var i = 0; i < runs.Count; i++)
        {
            if (double.IsFinite(runs[i].Metrics.WinRatePct) && double.IsFinite(runs[i].Metrics.Sharpe)) placed.Add(i);
        }
        if (placed.Count == 0)
        {
            svg.Placeholder(runs.Count == 0 ? "No runs" : "No run has a finite win rate and Sharpe ratio");
            return svg.ToString();
        }

        var plotRight = Width - Right;
        var plotBottom = Height - Bottom;
        var winRates = placed.Select(i => runs[i].Metrics.WinRatePct).ToList();
        var sharpes = placed.Select(i => runs[i].Metrics.Sharpe).Append(0).ToList();
        // A little room around the points so labels and dots do not sit on the frame.
        var x = new NiceScale(Math.Max(0, winRates.Min() - 5), Math.Min(100, winRates.Max() + 5), Left, plotRight);
        var ySpread = Math.Max(0.2, sharpes.Max() - sharpes.Min());
        var y = new NiceScale(sharpes.Min() - ySpread * 0.1, sharpes.Max() + ySpread * 0.1, plotBottom, Top);

        AxisDrawing.HorizontalGrid(svg, y, Left, plotRight);
        AxisDrawing.VerticalGrid(svg, x, Top, plotBottom, "%");
        svg.Line(Left, y.Pixel(0), plotRight, y.Pixel(0), "zero");
        svg.Text((Left + plotRight) / 2, Height - 18, "Win rate %", "axis-title", "middle");
        svg.Text(16, (Top + plotBottom) / 2, "Sharpe", "axis-title", "middle", rotate: -90);

        foreach (var i in placed)
        {
            var m = runs[i].Metrics;
            var px = x.Pixel(m.WinRatePct);
            var py = y.Pixel(m.Sharpe);
            var colour = ChartPalette.ForRun(i);
            svg.Circle(px, py, 6, colour, $"{runs[i].Label}: win rate {DisplayFormat.Fixed(m.WinRatePct)}%, Sharpe {DisplayFormat.Fixed(m.Sharpe)}");
            // Labels near the right edge go to the left of their point so they stay inside the chart.
            var leftSide = px > Left + (plotRight - Left) * 0.7;
            svg.Text(leftSide ? px - 10 : px + 10, py + 4, ChartText.Truncate(runs[i].Label, MaxLabelChars), "point-label", leftSide ? "end" : "start");
        }

        var missing = Enumerable.Range(0, runs.Count).Except(placed).Select(i => runs[i].Label).ToList();
        if (missing.Count > 0)
            svg.Text(Left, Height - 2, "Not plotted (no finite value): " + string.Join(", ", missing), "note");
        return svg.ToString();
    }
}
