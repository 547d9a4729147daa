using Keel.Reporting.Charts;

namespace Keel.Reporting.Html;

/// <summary>
/// Every run's equity curve on one time axis, each divided by its starting equity and times 100 so runs on
/// different symbols and account sizes compare; the legend gives each run's ending value. Each curve is thinned to
/// at most <see cref="MaxPointsPerCurve"/> points (first, last, and each bucket's low and high), which keeps the
/// file small without hiding peaks and troughs.
/// </summary>
internal static class EquityOverlayChart
{
    public const string ElementId = "chart-equity";
    public const int MaxPointsPerCurve = 1_000;
    private const int PlotHeight = 380;

    public static string Render(IReadOnlyList<ReportRun> runs)
    {
        if (runs.Count == 0) return EChartElement.Placeholder("No runs");
        var series = new List<ChartSeriesOption>(runs.Count);
        for (var i = 0; i < runs.Count; i++)
        {
            var points = Normalised(runs[i]);
            var name = points.Count > 0 ? $"{runs[i].Label} ({DisplayFormat.Fixed(points[^1].Value, 1)})" : $"{runs[i].Label} (no curve)";
            var curve = ChartParts.Curve(name, points.Select(p => ChartPoint.At(ChartParts.Ms(p.Time), ChartParts.Round(p.Value))).ToList(), ChartPalette.ForRun(i));
            series.Add(curve with { MarkLine = series.Count == 0 ? ChartParts.LineAt(100) : null });
        }
        if (series.All(s => s.Data.Count == 0)) return EChartElement.Placeholder("No equity curve to draw");
        return ChartParts.TimeOverlay(series, new ChartAxis("value") { Scale = true }, PlotHeight, "Equity curves normalised to start at 100");
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
}
