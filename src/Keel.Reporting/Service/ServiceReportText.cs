using System.Globalization;
using System.Net;
using System.Text;
using Keel.Core.Degradation;
using Keel.Core.Drift;
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
        if (r.ComparedWithBacktest) VersusBacktestPlain(r, b);
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
        b.Append("</table>");
        if (r.ComparedWithBacktest) VersusBacktestHtml(r, b);
        b.Append("</body></html>");
        return b.ToString();
    }

    /// <summary>The weekly review's live-against-backtest section: per strategy, each figure of the live record against the backtest's band over as many trades.</summary>
    private static void VersusBacktestPlain(ServiceReport r, StringBuilder b)
    {
        b.AppendLine("live vs backtest:");
        if (r.VersusBacktest.Count == 0) b.AppendLine("  no backtest expectation stored for this version yet (the service records one when it starts)");
        foreach (var row in r.VersusBacktest)
        {
            b.AppendLine(string.Create(Invariant, $"  {row.Strategy}: {row.LiveTrades} live trades since {row.Expectation.LiveFrom:yyyy-MM-dd}; {Yardstick(row.Expectation)}"));
            foreach (var f in row.Live?.Figures ?? [])
                b.AppendLine(string.Create(Invariant, $"    {TradeFigures.Name(f.Figure)} {f.Live:0.00}% vs band [{f.Band.Lower:0.00}%, {f.Band.Upper:0.00}%] (median {f.Band.Expected:0.00}%): {Verdict(f)}"));
        }
        b.AppendLine(Drift(r.LatestDrift));
    }

    private static void VersusBacktestHtml(ServiceReport r, StringBuilder b)
    {
        static string E(string s) => WebUtility.HtmlEncode(s);
        b.Append("<h2>Live vs backtest</h2>");
        if (r.VersusBacktest.Count == 0) b.Append("<p>No backtest expectation stored for this version yet (the service records one when it starts).</p>");
        b.Append("<table class=\"versus-backtest\"><tr><th>strategy</th><th>live trades</th><th>figure</th><th>live</th><th>backtest band</th><th>median</th><th>verdict</th></tr>");
        foreach (var row in r.VersusBacktest)
        {
            if (row.Live is null)
            {
                b.Append(Invariant, $"<tr><td>{E(row.Strategy)}</td><td>{row.LiveTrades}</td><td colspan=\"5\">{E(Yardstick(row.Expectation))}</td></tr>");
                continue;
            }
            foreach (var f in row.Live.Figures)
                b.Append(Invariant, $"<tr><td>{E(row.Strategy)}</td><td>{row.LiveTrades}</td><td>{TradeFigures.Name(f.Figure)}</td><td class=\"{(f.Below ? "neg" : "pos")}\">{f.Live:0.00}%</td><td>[{f.Band.Lower:0.00}%, {f.Band.Upper:0.00}%] at {f.Band.ConfidencePercent:0.#}%</td><td>{f.Band.Expected:0.00}%</td><td>{Verdict(f)}</td></tr>");
        }
        b.Append("</table>");
        b.Append(Invariant, $"<p class=\"drift\">{E(Drift(r.LatestDrift))}</p>");
    }

    private static string Yardstick(BacktestExpectation e) => e.Trades == 0
        ? string.Create(Invariant, $"the backtest {e.HistoryFrom:yyyy-MM-dd} to {e.HistoryTo:yyyy-MM-dd} made no trades: nothing to compare with")
        : string.Create(Invariant, $"backtest {e.HistoryFrom:yyyy-MM-dd} to {e.HistoryTo:yyyy-MM-dd}: {e.Trades} trades, win rate {TradeFigures.Of(TradeFigure.WinRate, e.TradeReturnsPct):0.0}%, average trade {TradeFigures.Of(TradeFigure.AverageTrade, e.TradeReturnsPct):0.000}%");

    private static string Verdict(FigureCheck f) =>
        f.Critical ? "far below the backtest" : f.Below ? "below the backtest" : f.Live > f.Band.Upper ? "above the backtest" : "within";

    private static string Drift(DriftRun? run) => run is null
        ? "drift: no nightly drift run yet"
        : string.Create(Invariant, $"drift (night of {run.Day}): paper {run.Summary.PaperReturnPct:0.000}% vs replay {run.Summary.ReplayReturnPct:0.000}%, difference {run.Summary.ReturnDifferencePct:0.000} points; {run.Summary.Matched} matched, {run.Summary.Missed} missed, {run.Summary.Extra} extra; {(run.WithinTolerance ? "within tolerance" : "BEYOND tolerance")}");

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
