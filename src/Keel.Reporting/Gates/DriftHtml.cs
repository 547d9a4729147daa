using System.Globalization;
using System.Net;
using System.Text;
using Keel.Core.Drift;
using Keel.Core.Trading;
using Keel.Reporting.Html;

namespace Keel.Reporting.Gates;

/// <summary>The drift report as one offline HTML file: the summary, the two equity curves overlaid, every order side by side.</summary>
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
        html.Append("</tbody></table></div></section></main></body></html>");
        return html.ToString();
    }

    /// <summary>Both curves on one time axis, each as 100 × equity / starting equity.</summary>
    internal static string Chart(DriftReport r)
    {
        const double Width = 1000, Height = 420, Left = 64, Right = 24, Top = 30, Bottom = 380;
        var svg = new SvgCanvas(Width, Height, "Paper and replay equity, normalised to start at 100");
        var basis = (double)r.StartingEquity;
        var curves = new[] { ("paper", PaperColour, r.PaperCurve), ("replay", ReplayColour, r.ReplayCurve) }
            .Where(c => c.Item3.Count > 0 && basis > 0).ToList();
        if (curves.Count == 0)
        {
            svg.Placeholder("No equity curve to draw");
            return svg.ToString();
        }
        var first = curves.Min(c => c.Item3[0].Time);
        var last = curves.Max(c => c.Item3[^1].Time);
        var values = curves.SelectMany(c => c.Item3).Select(p => p.Equity / basis * 100).Append(100).ToList();
        var y = new NiceScale(values.Min(), values.Max(), Bottom, Top);
        var span = Math.Max(1, (last - first).Ticks);
        double X(DateTime t) => Left + (double)(t - first).Ticks / span * (Width - Right - Left);
        AxisDrawing.HorizontalGrid(svg, y, Left, Width - Right);
        svg.Line(Left, y.Pixel(100), Width - Right, y.Pixel(100), "baseline");
        svg.Text(Left, Bottom + 16, F($"{first:yyyy-MM-dd HH:mm}"), "tick");
        svg.Text(Width - Right, Bottom + 16, F($"{last:yyyy-MM-dd HH:mm}"), "tick", "end");
        foreach (var (name, colour, curve) in curves)
            svg.Polyline(curve.Select(p => (X(p.Time), y.Pixel(p.Equity / basis * 100))).ToList(), colour, name);
        AxisDrawing.Legend(svg, Left, Height - 8, curves.Select(c => (c.Item1, c.Item2)).ToList());
        return svg.ToString();
    }

    private static void Row(StringBuilder html, string name, string value) => html.Append("<dt>").Append(E(name)).Append("</dt><dd>").Append(E(value)).Append("</dd>");

    private static string Td(string text) => "<td>" + E(text) + "</td>";

    private static string E(string text) => WebUtility.HtmlEncode(text);

    private static string F(FormattableString s) => s.ToString(CultureInfo.InvariantCulture);
}
