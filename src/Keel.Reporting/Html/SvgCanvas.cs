using System.Globalization;
using System.Net;
using System.Text;

namespace Keel.Reporting.Html;

/// <summary>
/// Writes one inline SVG element. Coordinates are rounded to a tenth of a pixel in invariant
/// culture, so the same chart always gives the same text. Styling comes from the page's CSS classes.
/// No xmlns: inline SVG in HTML does not need one, and the page stays free of any URL.
/// </summary>
internal sealed class SvgCanvas
{
    private readonly StringBuilder _svg = new();

    public double Width { get; }
    public double Height { get; }

    public SvgCanvas(double width, double height, string title)
    {
        Width = width;
        Height = height;
        _svg.Append("<svg viewBox=\"0 0 ").Append(N(width)).Append(' ').Append(N(height))
            .Append("\" role=\"img\" preserveAspectRatio=\"xMidYMid meet\">")
            .Append("<title>").Append(Encode(title)).Append("</title>\n");
    }

    public static string N(double value) => Math.Round(value, 1).ToString("0.#", CultureInfo.InvariantCulture);

    public static string Encode(string text) => WebUtility.HtmlEncode(text);

    public void Line(double x1, double y1, double x2, double y2, string cssClass) =>
        _svg.Append("<line x1=\"").Append(N(x1)).Append("\" y1=\"").Append(N(y1))
            .Append("\" x2=\"").Append(N(x2)).Append("\" y2=\"").Append(N(y2))
            .Append("\" class=\"").Append(cssClass).Append("\"/>\n");

    public void Rect(double x, double y, double width, double height, string fill, string? tooltip = null)
    {
        _svg.Append("<rect x=\"").Append(N(x)).Append("\" y=\"").Append(N(y))
            .Append("\" width=\"").Append(N(width)).Append("\" height=\"").Append(N(height))
            .Append("\" fill=\"").Append(fill).Append('"');
        CloseWithTooltip("rect", tooltip);
    }

    public void Circle(double cx, double cy, double r, string fill, string? tooltip = null)
    {
        _svg.Append("<circle cx=\"").Append(N(cx)).Append("\" cy=\"").Append(N(cy))
            .Append("\" r=\"").Append(N(r)).Append("\" fill=\"").Append(fill).Append('"');
        CloseWithTooltip("circle", tooltip);
    }

    /// <param name="anchor">start, middle or end.</param>
    /// <param name="rotate">Degrees around the text's anchor point; 0 for none.</param>
    public void Text(double x, double y, string text, string cssClass, string anchor = "start", double rotate = 0, string? fill = null)
    {
        _svg.Append("<text x=\"").Append(N(x)).Append("\" y=\"").Append(N(y))
            .Append("\" class=\"").Append(cssClass).Append("\" text-anchor=\"").Append(anchor).Append('"');
        if (rotate != 0)
            _svg.Append(" transform=\"rotate(").Append(N(rotate)).Append(' ').Append(N(x)).Append(' ').Append(N(y)).Append(")\"");
        if (fill is not null) _svg.Append(" fill=\"").Append(fill).Append('"');
        _svg.Append('>').Append(Encode(text)).Append("</text>\n");
    }

    public void Polyline(IReadOnlyList<(double X, double Y)> points, string stroke, string? tooltip = null)
    {
        _svg.Append("<polyline class=\"series\" stroke=\"").Append(stroke).Append("\" points=\"");
        for (var i = 0; i < points.Count; i++)
        {
            if (i > 0) _svg.Append(' ');
            _svg.Append(N(points[i].X)).Append(',').Append(N(points[i].Y));
        }
        _svg.Append('"');
        CloseWithTooltip("polyline", tooltip);
    }

    /// <summary>A message in the middle of the chart when there is nothing to draw.</summary>
    public void Placeholder(string message) => Text(Width / 2, Height / 2, message, "placeholder", "middle");

    public override string ToString() => _svg.ToString() + "</svg>";

    private void CloseWithTooltip(string element, string? tooltip)
    {
        if (tooltip is null)
        {
            _svg.Append("/>\n");
            return;
        }
        _svg.Append("><title>").Append(Encode(tooltip)).Append("</title></").Append(element).Append(">\n");
    }
}
