namespace Keel.Reporting.Html;

/// <summary>Grid lines, tick labels and legends shared by the report's charts.</summary>
internal static class AxisDrawing
{
    /// <summary>Horizontal grid lines at each y tick with the tick labels left of the plot.</summary>
    public static void HorizontalGrid(SvgCanvas svg, NiceScale y, double left, double right, string unit = "")
    {
        foreach (var tick in y.Ticks())
        {
            var py = y.Pixel(tick);
            svg.Line(left, py, right, py, "grid");
            svg.Text(left - 6, py + 4, y.Label(tick) + unit, "tick", "end");
        }
    }

    /// <summary>Vertical grid lines at each x tick with the labels under the plot.</summary>
    public static void VerticalGrid(SvgCanvas svg, NiceScale x, double top, double bottom, string unit = "")
    {
        foreach (var tick in x.Ticks())
        {
            var px = x.Pixel(tick);
            svg.Line(px, top, px, bottom, "grid");
            svg.Text(px, bottom + 16, x.Label(tick) + unit, "tick", "middle");
        }
    }

    /// <summary>A row of colour swatches with names, starting at (x, y).</summary>
    public static void Legend(SvgCanvas svg, double x, double y, IReadOnlyList<(string Name, string Colour)> entries)
    {
        foreach (var (name, colour) in entries)
        {
            svg.Rect(x, y - 9, 12, 12, colour);
            svg.Text(x + 17, y + 1, name, "legend");
            x += 30 + name.Length * 7;
        }
    }
}
