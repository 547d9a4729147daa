using System.Text.Json;
using Keel.Reporting.Charts;

namespace Keel.Reporting.Tests.Charts;

public class ChartPointTests
{
    private static string Json(params ChartPoint[] points) =>
        JsonSerializer.Serialize(new ChartOption
        {
            Grid = new ChartGrid(1, 2, 3, 4), XAxis = new ChartAxis("time"), YAxis = new ChartAxis("value"),
            Series = [new ChartSeriesOption("s", "line", points)],
        }, ChartJson.Default.ChartOption);

    [Fact]
    public void Points_are_written_as_echarts_reads_them_and_values_that_are_not_finite_as_gaps()
    {
        var json = Json(ChartPoint.At(1_704_153_600_000, 101.5), ChartPoint.Of(double.NaN), ChartPoint.Of(-2.25),
            new ChartPoint([1, 2], "entry <b>", "#2e7d32"), ChartPoint.At(3, double.PositiveInfinity), new ChartPoint([4, 5], LabelPosition: "left"));
        json.ShouldContain("\"data\":[[1704153600000,101.5],null,-2.25,{\"name\":\"entry \\u003Cb\\u003E\",\"value\":[1,2],\"itemStyle\":{\"color\":\"#2e7d32\"}},[3,null],{\"value\":[4,5],\"label\":{\"position\":\"left\"}}]");
    }

    [Fact]
    public void The_option_uses_echarts_names_shows_times_in_utc_and_leaves_out_what_is_not_set()
    {
        var json = Json();
        json.ShouldStartWith("{\"animation\":false,\"useUTC\":true,\"grid\":{\"left\":1,\"right\":2,\"top\":3,\"bottom\":4},\"xAxis\":{\"type\":\"time\"}");
        json.ShouldNotContain("null");
    }
}
