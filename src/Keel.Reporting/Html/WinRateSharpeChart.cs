using Keel.Reporting.Charts;

namespace Keel.Reporting.Html;

/// <summary>
/// Each run as a labelled point in its own colour: win rate % across, Sharpe up. Runs with a non-finite value
/// cannot be placed and are named under the chart instead.
/// </summary>
internal static class WinRateSharpeChart
{
    public const string ElementId = "chart-winrate-sharpe";
    private const int Height = 440;

    public static string Render(IReadOnlyList<ReportRun> runs)
    {
        var placed = Enumerable.Range(0, runs.Count)
            .Where(i => double.IsFinite(runs[i].Metrics.WinRatePct) && double.IsFinite(runs[i].Metrics.Sharpe)).ToList();
        if (placed.Count == 0) return EChartElement.Placeholder(runs.Count == 0 ? "No runs" : "No run has a finite win rate and Sharpe ratio");

        var lowest = placed.Min(i => runs[i].Metrics.WinRatePct);
        var highest = placed.Max(i => runs[i].Metrics.WinRatePct);
        // Labels of points in the right third go to the left of their point, so they stay inside the chart.
        string? Side(double winRate) => highest > lowest && winRate > lowest + (highest - lowest) * 0.66 ? "left" : null;
        var points = placed.Select(i => new ChartPoint(
            [ChartParts.Round(runs[i].Metrics.WinRatePct, 2), ChartParts.Round(runs[i].Metrics.Sharpe, 3)], runs[i].Label, ChartPalette.ForRun(i),
            Side(runs[i].Metrics.WinRatePct))).ToList();
        var option = new ChartOption
        {
            Tooltip = new ChartTooltip("item", "{b}<br/>win rate %, Sharpe: {c}"),
            Grid = new ChartGrid(64, 24, 20, 60),
            XAxis = new ChartAxis("value") { Name = "Win rate %", NameLocation = "middle", NameGap = 30, Scale = true, AxisLabel = new ChartAxisLabel("{value}%") },
            YAxis = new ChartAxis("value") { Name = "Sharpe", NameLocation = "middle", NameGap = 40, Scale = true },
            Series =
            [
                new ChartSeriesOption("runs", "scatter", points)
                {
                    SymbolSize = 11,
                    Label = new ChartLabel(true, "right", "{b}", 11),
                    LabelLayout = new ChartLabelLayout(true),
                    MarkLine = ChartParts.LineAt(0),
                },
            ],
        };
        var html = EChartElement.Html(option, Height, "Win rate % versus Sharpe ratio per run");
        var missing = Enumerable.Range(0, runs.Count).Except(placed).Select(i => runs[i].Label).ToList();
        return missing.Count == 0 ? html : html + EChartElement.Note("Not plotted (no finite value): " + string.Join(", ", missing));
    }
}
