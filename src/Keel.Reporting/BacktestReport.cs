using System.Globalization;
using System.Net;
using System.Text;
using Keel.Core.Domain;
using Keel.Core.Trading;
using Keel.Reporting.Html;

namespace Keel.Reporting;

/// <summary>
/// The offline report of one backtest, built on <see cref="HtmlReport"/>: the run and its benchmark as two
/// runs (their table, return/drawdown and equity charts), then the drawdowns over time, the price with a
/// marker per entry and exit, the trade list with reasons and the refused orders.
/// </summary>
/// <remarks>Element ids: <c>chart-drawdown</c>, <c>chart-price-trades</c> (then <c>chart-price-trades-TICKER</c> for each further symbol), <c>trades</c> (one <c>tr.trade</c> per trade), <c>refused</c>.</remarks>
public static class BacktestReport
{
    /// <summary>Trades listed in the table; a longer list is cut with a note (trades.csv has them all).</summary>
    public const int MaxTradeRows = 2_000;

    public static void Write(string path, BacktestReportModel model) => HtmlReport.Write(path, Model(model));

    public static HtmlReportModel Model(BacktestReportModel model)
    {
        ArgumentNullException.ThrowIfNull(model);
        return new HtmlReportModel
        {
            Title = model.Title,
            Settings = model.Settings,
            Runs = [model.Strategy, model.Benchmark],
            Sections =
            [
                new ReportSection("Drawdown: strategy and buy and hold", Wrap(DrawdownOverlayChart.ElementId, DrawdownOverlayChart.Render([model.Strategy, model.Benchmark]))),
                .. model.Prices.Select((prices, i) => new ReportSection($"{prices.Symbol}: price, entries (green) and exits (red)",
                    Wrap(PriceChartId(i, prices), PriceTradesChart.Render(prices, model.Trades)))),
                new ReportSection($"Trades ({model.Trades.Count})", TradesTable(model.Trades)),
                new ReportSection($"Refused orders ({model.Refused.Count})", RefusedTable(model.Refused)),
            ],
        };
    }

    private static string Wrap(string id, string chart) => $"<div id=\"{id}\" class=\"chart\">{chart}</div>";

    /// <summary>The first symbol's chart keeps the plain id; the others add their ticker (letters and digits only).</summary>
    public static string PriceChartId(int index, BarSeries prices) =>
        index == 0 ? PriceTradesChart.ElementId : PriceTradesChart.ElementId + "-" + new string(prices.Symbol.Ticker.Where(char.IsAsciiLetterOrDigit).ToArray()).ToLowerInvariant();

    private static string TradesTable(IReadOnlyList<Trade> trades)
    {
        var html = new StringBuilder("<div class=\"table-wrap\" id=\"trades\"><table class=\"runs\"><thead><tr><th>symbol</th><th>entry</th><th>entry price</th><th>exit</th><th>exit price</th><th>quantity</th><th>net P&amp;L</th><th>return</th><th>entry reason</th><th>exit reason</th></tr></thead><tbody>\n");
        foreach (var t in trades.Take(MaxTradeRows))
        {
            html.Append(CultureInfo.InvariantCulture, $"<tr class=\"trade\"><td>{E(t.Symbol.Ticker)}</td><td>{t.EntryTime:yyyy-MM-dd HH:mm}</td><td class=\"num\">{t.EntryPrice}</td><td>{t.ExitTime:yyyy-MM-dd HH:mm}</td><td class=\"num\">{t.ExitPrice}</td><td class=\"num\">{t.Quantity}</td>")
                .Append(CultureInfo.InvariantCulture, $"<td class=\"num{(t.NetPnl < 0 ? " neg" : "")}\">{DisplayFormat.Money(t.NetPnl)}</td><td class=\"num\">{DisplayFormat.Fixed(t.ReturnPct)}%</td><td class=\"label\">{E(t.EntryReason)}</td><td class=\"label\">{E(t.ExitReason)}</td></tr>\n");
        }
        html.Append("</tbody></table></div>");
        if (trades.Count > MaxTradeRows) html.Append(CultureInfo.InvariantCulture, $"<p>First {MaxTradeRows} of {trades.Count} trades; trades.csv lists them all.</p>");
        return html.ToString();
    }

    private static string RefusedTable(IReadOnlyList<OrderEvent> refused)
    {
        if (refused.Count == 0) return "<p id=\"refused\">None: every order the strategy asked for was sent as asked.</p>";
        var html = new StringBuilder("<div class=\"table-wrap\" id=\"refused\"><table class=\"runs\"><thead><tr><th>time</th><th>symbol</th><th>side</th><th>quantity</th><th>by</th><th>reason</th></tr></thead><tbody>\n");
        foreach (var e in refused.Take(MaxTradeRows))
        {
            html.Append(CultureInfo.InvariantCulture, $"<tr class=\"refusal\"><td>{e.Time:yyyy-MM-dd HH:mm}</td><td>{E(e.Order.Symbol.Ticker)}</td><td>{(e.Order.Side == OrderSide.Buy ? "buy" : "sell")}</td><td class=\"num\">{e.Order.Quantity}</td>")
                .Append(CultureInfo.InvariantCulture, $"<td>{(e.Status == OrderStatus.RefusedByRisk ? "risk" : "broker")}</td><td class=\"label\">{E(e.Note)}</td></tr>\n");
        }
        return html.Append("</tbody></table></div>").ToString();
    }

    private static string E(string text) => WebUtility.HtmlEncode(text);
}
