using System.Net;
using System.Text;
using Keel.Core.Metrics;

namespace Keel.Reporting.Html;

/// <summary>
/// The table of runs, one row per run. Each cell carries its exact value in data-v so the page's
/// small sorter orders numbers as numbers.
/// </summary>
internal static class RunsTable
{
    private static readonly (string Header, Func<PerformanceMetrics, (string Text, string Key)> Cell)[] MetricColumns =
    [
        ("Total return %", m => Number(m.TotalReturnPct)),
        ("CAGR %", m => Number(m.CagrPct)),
        ("Max DD %", m => Number(m.MaxDrawdownPct)),
        ("Sharpe", m => Number(m.Sharpe)),
        ("Sortino", m => Number(m.Sortino)),
        ("Win rate %", m => Number(m.WinRatePct)),
        ("Trades", m => (DisplayFormat.Count(m.Trades), DisplayFormat.Count(m.Trades))),
        ("Profit factor", m => Number(m.ProfitFactor)),
        ("Exposure %", m => Number(m.ExposurePct)),
        ("Commissions", m => Money(m.TotalCommissions)),
        ("Slippage", m => Money(m.TotalSlippage)),
        ("Final equity", m => Money(m.EndingEquity)),
    ];

    public static void Render(StringBuilder html, IReadOnlyList<ReportRun> runs)
    {
        html.Append("<table class=\"runs sortable\">\n<thead><tr>");
        foreach (var header in new[] { "Run", "Strategy", "Symbol", "Costs" }) Header(html, header, numeric: false);
        foreach (var (header, _) in MetricColumns) Header(html, header, numeric: true);
        html.Append("</tr></thead>\n<tbody>\n");

        for (var i = 0; i < runs.Count; i++)
        {
            var run = runs[i];
            html.Append("<tr class=\"run\">");
            html.Append("<td class=\"label\" data-v=\"").Append(WebUtility.HtmlEncode(run.Label)).Append("\"><span class=\"swatch\" style=\"background:")
                .Append(ChartPalette.ForRun(i)).Append("\"></span>").Append(WebUtility.HtmlEncode(run.Label)).Append("</td>");
            TextCell(html, run.Strategy);
            TextCell(html, run.Symbol);
            TextCell(html, run.Costs);
            foreach (var (_, cell) in MetricColumns)
            {
                var (text, key) = cell(run.Metrics);
                html.Append("<td class=\"num").Append(text.StartsWith('-') ? " neg" : "").Append("\" data-v=\"").Append(key).Append("\">")
                    .Append(WebUtility.HtmlEncode(text)).Append("</td>");
            }
            html.Append("</tr>\n");
        }
        html.Append("</tbody>\n</table>\n");
    }

    private static void Header(StringBuilder html, string text, bool numeric) =>
        html.Append("<th").Append(numeric ? " class=\"num\"" : "").Append(" title=\"Sort\">").Append(WebUtility.HtmlEncode(text)).Append("</th>");

    private static void TextCell(StringBuilder html, string text)
    {
        var encoded = WebUtility.HtmlEncode(text);
        html.Append("<td data-v=\"").Append(encoded).Append("\">").Append(encoded).Append("</td>");
    }

    private static (string, string) Number(double value) => (DisplayFormat.Fixed(value), DisplayFormat.SortKey(value));
    private static (string, string) Money(decimal value) => (DisplayFormat.Money(value), DisplayFormat.SortKey(value));
}
