using System.Text.Json;
using Keel.Reporting.Pages;

namespace Keel.Reporting.Tests;

public class SweepHeatmapChartTests
{
    [Fact]
    public void Each_finite_cell_is_drawn_with_its_value_and_the_best_cell_is_outlined()
    {
        var grid = new SweepGrid("", "sharpe", "slow", "fast", [20, 50], [5, 10, 15],
            [[0.5, 1.25], [null, -0.3], [null, 2.0]], 6);
        var html = $"<section><div id=\"sweep-heatmap\">{SweepHeatmapChart.Render(grid, (1, 2))}</div></section>";

        var option = ReportCharts.Option(html, "sweep-heatmap");
        option.GetProperty("xAxis").GetProperty("data").EnumerateArray().Select(v => v.GetString()).ShouldBe(["20", "50"]);
        option.GetProperty("yAxis").GetProperty("data").EnumerateArray().Select(v => v.GetString()).ShouldBe(["5", "10", "15"]);
        var cells = option.Series("sharpe").GetProperty("data").EnumerateArray().ToList();
        cells.Select(Value).ShouldBe([[0, 0, 0.5], [1, 0, 1.25], [1, 1, -0.3], [1, 2, 2.0]]); // the empty cells are left out
        var outlined = cells.Where(c => c.ValueKind == JsonValueKind.Object && c.TryGetProperty("itemStyle", out _)).ToList();
        outlined.Count.ShouldBe(1);
        Value(outlined[0]).ShouldBe([1, 2, 2.0]);
        option.GetProperty("visualMap").GetProperty("min").GetDouble().ShouldBe(-0.3);
        option.GetProperty("visualMap").GetProperty("max").GetDouble().ShouldBe(2.0);
    }

    [Fact]
    public void A_grid_without_a_finite_value_says_so()
    {
        var grid = new SweepGrid("", "sharpe", "slow", "fast", [20], [5], [[null]], 1);
        SweepHeatmapChart.Render(grid, (0, 0)).ShouldContain("No trial has a finite value");
    }

    private static double[] Value(JsonElement cell) =>
        (cell.ValueKind == JsonValueKind.Object ? cell.GetProperty("value") : cell).EnumerateArray().Select(v => v.GetDouble()).ToArray();
}
