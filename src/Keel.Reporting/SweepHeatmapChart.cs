using System.Globalization;
using System.Net;
using Keel.Core.Research;
using Keel.Reporting.Charts;
using Keel.Reporting.Html;
using Keel.Reporting.Pages;

namespace Keel.Reporting;

/// <summary>
/// A sweep's metric over its first two parameters as an ECharts heatmap (further parameters: the best value over
/// them), red for the worst cells to green for the best, each cell labelled with its value and the best trial's
/// cell outlined. The grid is the same <see cref="SweepGrid"/> record the dashboard draws from a sweep CSV.
/// </summary>
public static class SweepHeatmapChart
{
    public const string ElementId = "sweep-heatmap";
    public const string BestOutline = "#111111";
    private static readonly string[] Colours = ["#b3261e", "#f7f7f7", "#137333"];

    /// <summary>The report section's markup: what the cells are, then the chart.</summary>
    public static string Html(SweepResult sweep, ParameterGrid grid, Func<SweepTrial, double> metric)
    {
        var (cells, best) = Grid(sweep, grid, metric);
        var intro = $"{sweep.Metric} by {cells.YName} (rows)" + (cells.XName.Length > 0 ? $" and {cells.XName} (columns)" : "")
            + (grid.Axes.Count > 2 ? "; each cell shows the best over the other parameters" : "") + ".";
        return $"<p>{WebUtility.HtmlEncode(intro)}</p><div id=\"{ElementId}\" class=\"chart\">{Render(cells, best)}</div>";
    }

    /// <summary>The metric per (row, column) of the first two parameters, and the best trial's cell (column, row).</summary>
    public static (SweepGrid Grid, (int X, int Y) Best) Grid(SweepResult sweep, ParameterGrid grid, Func<SweepTrial, double> metric)
    {
        var rowAxis = grid.Axes[0];
        var columnAxis = grid.Axes.Count > 1 ? grid.Axes[1] : null;
        var columns = columnAxis?.Values.ToArray() ?? [0.0];
        var rows = rowAxis.Values.ToArray();
        var values = rows.Select(_ => new double?[columns.Length]).ToArray();
        foreach (var trial in sweep.Trials)
        {
            var value = metric(trial);
            if (!double.IsFinite(value)) continue;
            var (x, y) = Cell(trial);
            values[y][x] = values[y][x] is { } existing ? Math.Max(existing, value) : value;
        }
        return (new SweepGrid("", sweep.Metric, columnAxis?.Name ?? "", rowAxis.Name, columns, rows, values, sweep.Trials.Count), Cell(sweep.Best));

        (int, int) Cell(SweepTrial trial) =>
            (columnAxis is null ? 0 : Array.IndexOf(columns, trial.Spec.Parameters.Get(columnAxis.Name)), Array.IndexOf(rows, trial.Spec.Parameters.Get(rowAxis.Name)));
    }

    /// <summary>The chart of <paramref name="grid"/> with the cell <paramref name="best"/> (column, row) outlined.</summary>
    public static string Render(SweepGrid grid, (int X, int Y) best)
    {
        var cells = new List<ChartPoint>();
        for (var y = 0; y < grid.Ys.Length; y++)
        for (var x = 0; x < grid.Xs.Length; x++)
        {
            if (grid.Values[y][x] is not { } value) continue;
            cells.Add(new ChartPoint([x, y, ChartParts.Round(value, 2)], Border: (x, y) == best ? BestOutline : null));
        }
        if (cells.Count == 0) return EChartElement.Placeholder("No trial has a finite value");
        var shown = cells.Select(c => c.Values[2]).ToList();
        var option = new ChartOption
        {
            Tooltip = new ChartTooltip("item"),
            Grid = new ChartGrid(80, 90, 16, 56),
            XAxis = new ChartAxis("category") { Data = grid.Xs.Select(Label).ToList(), Name = grid.XName, NameLocation = "middle", NameGap = 30 },
            YAxis = new ChartAxis("category") { Data = grid.Ys.Select(Label).ToList(), Name = grid.YName, NameLocation = "middle", NameGap = 50 },
            VisualMap = new ChartVisualMap(shown.Min(), shown.Max(), new ChartInRange(Colours)) { Right = 5 },
            Series = [new ChartSeriesOption(grid.Metric, "heatmap", cells) { Label = new ChartLabel(true, FontSize: 11) }],
        };
        var height = Math.Max(260, 72 + grid.Ys.Length * 30);
        return EChartElement.Html(option, height, $"{grid.Metric} over {grid.YName}" + (grid.XName.Length > 0 ? $" and {grid.XName}" : ""));
    }

    private static string Label(double value) => value.ToString("0.####", CultureInfo.InvariantCulture);
}
