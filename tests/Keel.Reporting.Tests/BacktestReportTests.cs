using System.Text.RegularExpressions;
using Keel.Core.Domain;
using Keel.Core.Trading;

namespace Keel.Reporting.Tests;

/// <summary>The single-backtest report holds what it says: both curves, a marker per entry and exit, every trade and refusal.</summary>
public class BacktestReportTests
{
    private static BacktestReportModel Model(int trades, int refused)
    {
        var strategy = SampleData.Run(1, "sma-crossover", "SPY", "with costs");
        var benchmark = SampleData.Run(2, "buy-and-hold", "SPY", "with costs") with { Label = "buy and hold" };
        var spy = Symbol.Parse("SPY");
        var bars = Enumerable.Range(0, 200).Select(i => new Bar(SampleData.Start.AddDays(i), 100 + i % 7, 110, 95, 100 + i % 5, 1000)).ToArray();
        var order = new OrderRequest
        {
            ClientOrderId = "x", Strategy = "sma-crossover", Symbol = spy, Side = OrderSide.Buy, Quantity = 10, Purpose = OrderPurpose.Entry,
            CreatedAt = SampleData.Start, Reason = "buy",
        };
        return new BacktestReportModel
        {
            Title = "Keel backtest: sma-crossover on SPY",
            Settings = [new("asset class", "equity (store)")],
            Strategy = strategy,
            Benchmark = benchmark,
            Prices = [new BarSeries(spy, Timeframe.OneDay, bars)],
            Trades = SampleData.Trades(3, trades, "sma-crossover", spy),
            Refused = Enumerable.Range(0, refused).Select(i => new OrderEvent(SampleData.Start.AddDays(i), order, OrderStatus.Rejected, "insufficient cash: <costs more>")).ToList(),
        };
    }

    private static string Section(string html, string id)
    {
        var start = html.IndexOf($"id=\"{id}\"", StringComparison.Ordinal);
        start.ShouldBeGreaterThan(0, id);
        var end = html.IndexOf("</section>", start, StringComparison.Ordinal);
        return html[start..end];
    }

    [Fact]
    public void Shows_the_run_beside_buy_and_hold_with_a_marker_per_entry_and_exit()
    {
        var html = HtmlReport.Render(BacktestReport.Model(Model(trades: 12, refused: 3)));

        Regex.Matches(html, "<tr class=\"run\">").Count.ShouldBe(2);
        Regex.Matches(Section(html, "chart-equity"), "<polyline ").Count.ShouldBe(2);
        var drawdown = Section(html, "chart-drawdown");
        Regex.Matches(drawdown, "<polyline ").Count.ShouldBe(2);
        drawdown.ShouldContain(">0%</text>"); // drawn down from zero
        var price = Section(html, "chart-price-trades");
        Regex.Matches(price, "<polyline ").Count.ShouldBe(1);
        Regex.Matches(price, "<circle [^>]*fill=\"#2e7d32\"").Count.ShouldBe(12);
        Regex.Matches(price, "<circle [^>]*fill=\"#c62828\"").Count.ShouldBe(12);
        price.ShouldContain("<title>entry 2024-01-02 at ");
        Regex.Matches(html, "<tr class=\"trade\">").Count.ShouldBe(12);
        Regex.Matches(html, "<tr class=\"refusal\">").Count.ShouldBe(3);
        html.ShouldContain("insufficient cash: &lt;costs more&gt;");
        html.ShouldNotContain("<script src");
    }

    [Fact]
    public void Says_so_when_nothing_was_refused()
    {
        var html = HtmlReport.Render(BacktestReport.Model(Model(trades: 0, refused: 0)));
        html.ShouldContain("None: every order the strategy asked for was sent as asked.");
        Regex.Matches(Section(html, "chart-price-trades"), "<circle ").Count.ShouldBe(0);
    }

    [Fact]
    public void Each_symbol_gets_its_own_price_chart_with_its_own_trades()
    {
        var btc = Symbol.Parse("BTC/USD");
        var one = Model(trades: 4, refused: 0);
        var btcBars = Enumerable.Range(0, 200).Select(i => new Bar(SampleData.Start.AddDays(i), 40_000 + i, 41_000 + i, 39_000 + i, 40_500 + i, 5)).ToArray();
        var model = one with
        {
            Prices = [.. one.Prices, new BarSeries(btc, Timeframe.OneDay, btcBars)],
            Trades = [.. one.Trades, .. SampleData.Trades(5, 7, "sma-crossover", btc)],
        };

        var html = HtmlReport.Render(BacktestReport.Model(model));

        Regex.Matches(Section(html, "chart-price-trades"), "<circle [^>]*fill=\"#2e7d32\"").Count.ShouldBe(4); // SPY's own entries only
        var second = Section(html, "chart-price-trades-btcusd");
        Regex.Matches(second, "<circle [^>]*fill=\"#2e7d32\"").Count.ShouldBe(7);
        Regex.Matches(second, "<circle [^>]*fill=\"#c62828\"").Count.ShouldBe(7);
        html.ShouldContain("BTC/USD: price, entries (green) and exits (red)");
    }
}
