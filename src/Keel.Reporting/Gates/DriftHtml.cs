using System.Globalization;
using System.Net;
using System.Text;
using Keel.Core.Drift;
using Keel.Core.Trading;
using Keel.Reporting.Charts;
using Keel.Reporting.Html;

namespace Keel.Reporting.Gates;

/// <summary>The drift report as one offline HTML file: the summary, the two equity curves overlaid (ECharts, inlined), every order side by side.</summary>
public static class DriftHtml
{
    public const string PaperColour = "#1f77b4";
    public const string ReplayColour = "#ff7f0e";

    public static void Write(string path, DriftReport report)
    {
        Directory.CreateDirectory(Path.GetDirectoryName(Path.GetFullPath(path))!);
        File.WriteAllText(path, Render(report), new UTF8Encoding(false));
    }

    public static string Render(DriftReport r)
    {
        var s = r.Summary;
        var html = new StringBuilder();
        html.Append("<!DOCTYPE html><html lang=\"en\"><head><meta charset=\"utf-8\"><title>Keel drift report</title><style>")
            .Append(PageAssets.Css).Append("</style></head><body><main>");
        html.Append("<h1>Paper vs backtest drift</h1><p class=\"subtitle\">").Append(E(F($"{r.From:yyyy-MM-dd HH:mm} – {r.To:yyyy-MM-dd HH:mm} UTC, starting equity {r.StartingEquity:N2}, replay costs: {r.CostModel}"))).Append("</p>");
        html.Append("<section><h2>Summary</h2><dl class=\"settings\">");
        Row(html, "matched", s.Matched.ToString(CultureInfo.InvariantCulture));
        Row(html, "missed (replay only)", s.Missed.ToString(CultureInfo.InvariantCulture));
        Row(html, "extra (paper only)", s.Extra.ToString(CultureInfo.InvariantCulture));
        Row(html, F($"mispriced (> {r.TolerancePercent}%)"), s.Mispriced.ToString(CultureInfo.InvariantCulture));
        Row(html, "paper return", F($"{s.PaperReturnPct:0.000}%"));
        Row(html, "replay return", F($"{s.ReplayReturnPct:0.000}%"));
        Row(html, "return difference", F($"{s.ReturnDifferencePct:0.000} points"));
        Row(html, "daily-return correlation", double.IsFinite(r.DailyReturnCorrelation) ? F($"{r.DailyReturnCorrelation:0.000}") : "n/a (fewer than 3 days)");
        html.Append("</dl><p>").Append(E(r.Explanation)).Append("</p></section>");
        html.Append("<section><h2>Equity</h2><div class=\"chart\" id=\"chart-drift\">").Append(Chart(r)).Append("</div></section>");
        html.Append("<section><h2>Orders</h2><div class=\"table-wrap\"><table class=\"runs\" id=\"drift-trades\"><thead><tr>")
            .Append("<th>decision bar</th><th>strategy</th><th>symbol</th><th>side</th><th>match</th><th>paper price</th><th>replay price</th><th>diff (bps)</th><th>paper fee</th><th>replay fee</th><th>P&amp;L diff</th></tr></thead><tbody>");
        foreach (var t in r.Trades)
        {
            html.Append("<tr").Append(t.Mispriced ? " class=\"neg\"" : "").Append('>')
                .Append(Td(F($"{t.DecisionBar:yyyy-MM-dd HH:mm}"))).Append(Td(t.Strategy)).Append(Td(t.Symbol.Ticker)).Append(Td(t.Side == OrderSide.Buy ? "buy" : "sell"))
                .Append(Td(t.Match.ToString().ToLowerInvariant()))
                .Append(Td(t.Paper is { } p ? F($"{p.Price:0.####}") : "–")).Append(Td(t.Replay is { } q ? F($"{q.Price:0.####}") : "–"))
                .Append(Td(F($"{t.PriceDifferenceBps:0.0}"))).Append(Td(t.Paper is { } pf ? F($"{pf.Fee:0.00}") : "–")).Append(Td(t.Replay is { } rf ? F($"{rf.Fee:0.00}") : "–"))
                .Append(Td(F($"{t.PnlDifference:0.00}"))).Append("</tr>");
        }
        html.Append("</tbody></table></div></section>");
        var charts = ChartScripts.HasCharts(html);
        if (charts) ChartScripts.AppendFooter(html);
        html.Append("</main>");
        if (charts) ChartScripts.AppendScripts(html);
        html.Append("</body></html>");
        return html.ToString();
    }

    /// <summary>Both curves on one time axis, each as 100 × equity / starting equity, thinned like the reports' equity curves.</summary>
    internal static string Chart(DriftReport r)
    {
        var basis = (double)r.StartingEquity;
        var series = new[] { ("paper", PaperColour, r.PaperCurve), ("replay", ReplayColour, r.ReplayCurve) }
            .Where(c => c.Item3.Count > 0 && basis > 0)
            .Select(c => ChartParts.Curve(c.Item1, Normalised(c.Item3, basis), c.Item2))
            .ToList();
        if (series.Count == 0) return EChartElement.Placeholder("No equity curve to draw");
        series[0] = series[0] with { MarkLine = ChartParts.LineAt(100) };
        var option = new ChartOption
        {
            Tooltip = new ChartTooltip("axis"),
            Legend = new ChartLegend(Top: "0", Left: 10),
            Grid = new ChartGrid(64, 24, 36, 64),
            XAxis = ChartParts.TimeAxis(),
            YAxis = new ChartAxis("value") { Scale = true },
            DataZoom = ChartParts.TimeZoom(),
            Series = series,
        };
        return EChartElement.Html(option, 420, "Paper and replay equity, normalised to start at 100");
    }

    private static List<ChartPoint> Normalised(IReadOnlyList<EquityPoint> curve, double basis)
    {
        var values = curve.Select(p => p.Equity / basis * 100).ToList();
        return MinMaxDownsampler.SelectIndices(values, EquityOverlayChart.MaxPointsPerCurve)
            .Select(i => ChartPoint.At(ChartParts.Ms(curve[i].Time), ChartParts.Round(values[i], 4))).ToList();
    }

    private static void Row(StringBuilder html, string name, string value) => html.Append("<dt>").Append(E(name)).Append("</dt><dd>").Append(E(value)).Append("</dd>");

    private static string Td(string text) => "<td>" + E(text) + "</td>";

    private static string E(string text) => WebUtility.HtmlEncode(text);

    private static string F(FormattableString s) => s.ToString(CultureInfo.InvariantCulture);
}
