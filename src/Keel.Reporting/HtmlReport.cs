using System.Globalization;
using System.Net;
using System.Text;
using Keel.Reporting.Html;

namespace Keel.Reporting;

/// <summary>
/// Writes a run comparison as ONE self-contained HTML file that opens offline: inline CSS, a tiny
/// inline table sorter, and charts drawn by Apache ECharts, the same pinned library the dashboard uses,
/// inlined with its licence (no CDN, no fonts, nothing fetched). Each chart's option is JSON built from
/// the model (Keel.Reporting.Charts). All text is HTML-encoded. The same model always gives the same bytes.
/// </summary>
/// <remarks>
/// The charts sit in elements with the ids <c>chart-returns-drawdown</c>, <c>chart-winrate-sharpe</c>
/// and <c>chart-equity</c>, each holding a <c>div.echart</c> followed by its option in a
/// <c>script.echart-option</c>; the runs table has one <c>tr.run</c> per run.
/// </remarks>
public static class HtmlReport
{
    public static void Write(string path, HtmlReportModel model)
    {
        var html = Render(model);
        using var file = ReportFile.Create(path);
        file.Write(html);
    }

    public static string Render(HtmlReportModel model)
    {
        ArgumentNullException.ThrowIfNull(model);
        var html = new StringBuilder(64 * 1024);
        var title = WebUtility.HtmlEncode(model.Title);
        html.Append("<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n")
            .Append("<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n")
            .Append("<title>").Append(title).Append("</title>\n")
            .Append("<style>\n").Append(PageAssets.Css).Append("\n</style>\n</head>\n<body>\n<main>\n")
            .Append("<h1>").Append(title).Append("</h1>\n")
            .Append("<p class=\"subtitle\">").Append(RunCount(model.Runs.Count)).Append("</p>\n");

        if (model.Settings.Count > 0)
        {
            html.Append("<section id=\"settings\">\n<h2>Settings</h2>\n<dl class=\"settings\">\n");
            foreach (var (name, value) in model.Settings)
                html.Append("<dt>").Append(WebUtility.HtmlEncode(name)).Append("</dt><dd>").Append(WebUtility.HtmlEncode(value)).Append("</dd>\n");
            html.Append("</dl>\n</section>\n");
        }

        html.Append("<section id=\"runs\">\n<h2>Runs</h2>\n<div class=\"table-wrap\">\n");
        RunsTable.Render(html, model.Runs);
        html.Append("</div>\n</section>\n");

        Chart(html, ReturnsDrawdownChart.ElementId, "Total return vs max drawdown", ReturnsDrawdownChart.Render(model.Runs));
        Chart(html, WinRateSharpeChart.ElementId, "Win rate vs Sharpe", WinRateSharpeChart.Render(model.Runs));
        Chart(html, EquityOverlayChart.ElementId, "Equity curves (start = 100)", EquityOverlayChart.Render(model.Runs));

        foreach (var section in model.Sections)
        {
            html.Append("<section class=\"extra\">\n<h2>").Append(WebUtility.HtmlEncode(section.Title)).Append("</h2>\n")
                .Append(section.Html).Append("\n</section>\n");
        }

        var charts = ChartScripts.HasCharts(html);
        if (charts) ChartScripts.AppendFooter(html);
        html.Append("</main>\n<script>\n").Append(PageAssets.SortScript).Append("\n</script>\n");
        if (charts) ChartScripts.AppendScripts(html);
        html.Append("</body>\n</html>\n");
        return html.ToString();
    }

    private static void Chart(StringBuilder html, string id, string heading, string chart) =>
        html.Append("<section class=\"chart\" id=\"").Append(id).Append("\">\n<h2>").Append(WebUtility.HtmlEncode(heading))
            .Append("</h2>\n").Append(chart).Append("\n</section>\n");

    private static string RunCount(int count) =>
        count == 1 ? "1 run" : count.ToString(CultureInfo.InvariantCulture) + " runs";
}
