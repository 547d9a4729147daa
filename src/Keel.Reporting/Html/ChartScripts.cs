using System.Net;
using System.Reflection;
using System.Text;
using Keel.Reporting.Charts;

namespace Keel.Reporting.Html;

/// <summary>
/// What a report page needs to draw its charts, written into the page itself so the file works offline, alone,
/// and wherever it is copied or mailed: the chart library (echarts.min.js, about 1.1 MB, with its licence header),
/// the few lines that hand each chart its option, and a footer naming the library with its NOTICE and LICENSE.
/// A page without charts gets none of it.
/// </summary>
internal static class ChartScripts
{
    private static readonly Lazy<string> Renderer = new(() =>
    {
        using var stream = Assembly.GetExecutingAssembly().GetManifestResourceStream("Keel.Reporting.Html.report-charts.js")!;
        return new StreamReader(stream).ReadToEnd();
    });

    public static bool HasCharts(StringBuilder html) => html.ToString().Contains("class=\"echart\"", StringComparison.Ordinal);

    /// <summary>The footer with the library's name, version and licence; only on pages that draw charts.</summary>
    public static void AppendFooter(StringBuilder html)
    {
        html.Append("<footer class=\"chart-library\">Charts drawn by Apache ECharts ").Append(ChartLibrary.Version)
            .Append(" (Apache License 2.0), included in this file so it opens offline.\n<details><summary>Its notice and licence</summary><pre>")
            .Append(WebUtility.HtmlEncode(ChartLibrary.Notice)).Append("\n\n").Append(WebUtility.HtmlEncode(ChartLibrary.License))
            .Append("</pre></details></footer>\n");
    }

    /// <summary>The library and the renderer, at the end of the body so the page's text shows before they run.</summary>
    public static void AppendScripts(StringBuilder html)
    {
        html.Append("<script>\n").Append(ChartLibrary.Script).Append("\n</script>\n<script>\n").Append(Renderer.Value).Append("</script>\n");
    }
}
