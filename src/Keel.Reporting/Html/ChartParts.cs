using Keel.Reporting.Charts;

namespace Keel.Reporting.Html;

/// <summary>Pieces the report's charts share: the time axis, zooming, the legend's room and rounding for display.</summary>
internal static class ChartParts
{
    /// <summary>Room a legend takes: ECharts wraps it into rows across the chart's width (about 900 px).</summary>
    public static int LegendHeight(IEnumerable<string> names)
    {
        var width = names.Sum(n => 30 + n.Length * 7);
        return 24 * Math.Max(1, (int)Math.Ceiling(width / 900.0));
    }

    public static ChartAxis TimeAxis() => new("time") { AxisLabel = new ChartAxisLabel(HideOverlap: true) };

    public static ChartAxis PercentAxis() => new("value") { AxisLabel = new ChartAxisLabel("{value}%") };

    /// <summary>Wheel and drag to zoom, and a slider under the plot.</summary>
    public static IReadOnlyList<ChartZoom> TimeZoom() => [new("inside"), new("slider", Height: 18, Bottom: 8)];

    public static double Ms(DateTime utc) => new DateTimeOffset(DateTime.SpecifyKind(utc, DateTimeKind.Utc)).ToUnixTimeMilliseconds();

    /// <summary>Values as drawn: enough digits for the eye and for tooltips (0.01 on a 100 scale is a basis point), fewer bytes in the file.</summary>
    public static double Round(double value, int decimals = 2) => double.IsFinite(value) ? Math.Round(value, decimals) : value;

    /// <summary>A curve over time: a thin line in <paramref name="colour"/> without point markers.</summary>
    public static ChartSeriesOption Curve(string name, IReadOnlyList<ChartPoint> data, string colour) => new(name, "line", data)
    {
        Color = colour,
        ShowSymbol = false,
        LineStyle = new ChartLineStyle(1.6),
    };

    /// <summary>
    /// Curves of several runs on one zoomable time axis, the legend above them with the room its rows take,
    /// <paramref name="plotHeight"/> pixels of plot.
    /// </summary>
    public static string TimeOverlay(IReadOnlyList<ChartSeriesOption> series, ChartAxis yAxis, int plotHeight, string caption)
    {
        var legend = LegendHeight(series.Select(s => s.Name));
        var option = new ChartOption
        {
            Tooltip = new ChartTooltip("axis"),
            Legend = new ChartLegend(Top: "0", Left: 10, Right: 10),
            Grid = new ChartGrid(64, 24, legend + 16, 64),
            XAxis = TimeAxis(),
            YAxis = yAxis,
            DataZoom = TimeZoom(),
            Series = series,
        };
        return EChartElement.Html(option, legend + 16 + plotHeight + 64, caption);
    }

    /// <summary>A dashed horizontal line at <paramref name="y"/> (the start at 100, or zero).</summary>
    public static ChartMarkLine LineAt(double y) => new([new ChartMarkLineAt(y)]);
}
