using System.Globalization;
using System.Net;
using System.Text;
using Keel.Core.Persistence;

namespace Keel.Reporting.Service;

/// <summary>A <see cref="ServiceReport"/> as plain text (webhooks, the console, the .txt file) and as offline HTML with an equity chart (e-mail, the .html file).</summary>
public static class ServiceReportText
{
    private static readonly CultureInfo Invariant = CultureInfo.InvariantCulture;

    public static string Title(ServiceReport r) => string.Create(Invariant,
        $"Keel {r.Kind} report {r.Period}: P&L {r.TotalPnl:+0.00;-0.00;0.00}, {r.Trades.Count} trades, max drawdown {r.MaxDrawdownPercent:0.00}%, {r.Alerts.Count} alerts");

    public static string Plain(ServiceReport r)
    {
        var b = new StringBuilder();
        b.AppendLine(Title(r));
        b.AppendLine(string.Create(Invariant, $"period {r.From:yyyy-MM-dd} to {r.To:yyyy-MM-dd}; realized P&L {r.RealizedPnl:0.00}"));
        foreach (var (strategy, pnl, trades, wins) in r.PerStrategy)
            b.AppendLine(string.Create(Invariant, $"  {strategy}: {pnl:+0.00;-0.00;0.00} over {trades} trades ({wins} winners)"));
        if (r.Trades.Count > 0) b.AppendLine("trades:");
        foreach (var t in r.Trades)
            b.AppendLine(string.Create(Invariant, $"  {t.ExitTime:yyyy-MM-dd HH:mm} {t.Strategy} {t.Symbol} {t.Quantity} @ {t.EntryPrice} -> {t.ExitPrice}: {t.NetPnl:+0.00;-0.00;0.00} (in: {t.EntryReason}; out: {t.ExitReason})"));
        b.AppendLine(r.Positions.Count == 0 ? "no open positions" : "open positions:");
        foreach (var p in r.Positions) b.AppendLine(string.Create(Invariant, $"  {p.Strategy} {p.Symbol} {p.Quantity} @ {p.AveragePrice}"));
        if (r.Alerts.Count > 0) b.AppendLine("alerts:");
        foreach (var a in r.Alerts) b.AppendLine(string.Create(Invariant, $"  {a.Time:yyyy-MM-dd HH:mm} {a.Summary}"));
        return b.ToString();
    }

    public static string Html(ServiceReport r)
    {
        static string E(string s) => WebUtility.HtmlEncode(s);
        var b = new StringBuilder();
        b.Append(Invariant, $"<!DOCTYPE html><html><head><meta charset=\"utf-8\"><title>{E(Title(r))}</title>");
        b.Append("<style>body{font-family:sans-serif;margin:2em}table{border-collapse:collapse}td,th{border:1px solid #ccc;padding:3px 8px;text-align:left}.neg{color:#b00020}.pos{color:#1b7f3b}</style></head><body>");
        b.Append(Invariant, $"<h1>{E(Title(r))}</h1><p>{r.From:yyyy-MM-dd} to {r.To:yyyy-MM-dd}</p>");
        b.Append(EquitySvg(r));
        b.Append("<h2>P&amp;L per strategy</h2><table><tr><th>strategy</th><th>P&amp;L</th><th>trades</th><th>winners</th></tr>");
        foreach (var (strategy, pnl, trades, wins) in r.PerStrategy)
            b.Append(Invariant, $"<tr><td>{E(strategy)}</td><td class=\"{(pnl < 0 ? "neg" : "pos")}\">{pnl:0.00}</td><td>{trades}</td><td>{wins}</td></tr>");
        b.Append(Invariant, $"<tr><th>total (equity change)</th><th>{r.TotalPnl:0.00}</th><th>{r.Trades.Count}</th><th></th></tr></table>");
        b.Append("<h2>Trades</h2><table class=\"trades\"><tr><th>exit</th><th>strategy</th><th>symbol</th><th>qty</th><th>entry</th><th>exit</th><th>net</th><th>entry reason</th><th>exit reason</th></tr>");
        foreach (var t in r.Trades)
            b.Append(Invariant, $"<tr><td>{t.ExitTime:yyyy-MM-dd HH:mm}</td><td>{E(t.Strategy)}</td><td>{E(t.Symbol.Ticker)}</td><td>{t.Quantity}</td><td>{t.EntryPrice}</td><td>{t.ExitPrice}</td><td>{t.NetPnl:0.00}</td><td>{E(t.EntryReason)}</td><td>{E(t.ExitReason)}</td></tr>");
        b.Append("</table><h2>Open positions</h2><table><tr><th>strategy</th><th>symbol</th><th>qty</th><th>avg price</th></tr>");
        foreach (var p in r.Positions) b.Append(Invariant, $"<tr><td>{E(p.Strategy)}</td><td>{E(p.Symbol.Ticker)}</td><td>{p.Quantity}</td><td>{p.AveragePrice}</td></tr>");
        b.Append("</table><h2>Alerts</h2><table class=\"alerts\"><tr><th>time</th><th>severity</th><th>kind</th><th>message</th></tr>");
        foreach (var a in r.Alerts)
            b.Append(Invariant, $"<tr><td>{a.Time:yyyy-MM-dd HH:mm}</td><td>{AlertSeverities.Name(a.Severity)}</td><td>{E(a.Kind)}</td><td>{E(a.Message)}</td></tr>");
        b.Append("</table></body></html>");
        return b.ToString();
    }

    /// <summary>End-of-day equity as an inline SVG polyline (one point per day, start of the period first): no script, no network.</summary>
    private static string EquitySvg(ServiceReport r)
    {
        var values = r.Days.Count == 0 ? [] : new[] { r.Days[0].StartEquity }.Concat(r.Days.Select(d => d.EndEquity)).ToArray();
        if (values.Length < 2) return "<p>(no equity curve: fewer than one full day recorded)</p>";
        const double width = 600, height = 160;
        var min = (double)values.Min();
        var max = (double)values.Max();
        var span = max > min ? max - min : 1;
        var points = string.Join(' ', values.Select((v, i) => string.Create(Invariant,
            $"{i * width / (values.Length - 1):0.#},{height - ((double)v - min) / span * height:0.#}")));
        return string.Create(Invariant, $"<svg class=\"equity\" width=\"{width}\" height=\"{height}\" viewBox=\"0 0 {width} {height}\"><polyline fill=\"none\" stroke=\"#2e6da4\" stroke-width=\"2\" points=\"{points}\"/></svg>");
    }
}
