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

    [Fact]
    public void Shows_the_run_beside_buy_and_hold_with_a_marker_per_entry_and_exit()
    {
        var html = HtmlReport.Render(BacktestReport.Model(Model(trades: 12, refused: 3)));

        Regex.Matches(html, "<tr class=\"run\">").Count.ShouldBe(2);
        ReportCharts.Option(html, "chart-equity").SeriesCount().ShouldBe(2);
        var drawdown = ReportCharts.Option(html, "chart-drawdown");
        drawdown.SeriesCount().ShouldBe(2);
        drawdown.GetProperty("yAxis").GetProperty("max").GetDouble().ShouldBe(0); // drawn down from zero
        foreach (var line in drawdown.GetProperty("series").EnumerateArray())
            line.GetProperty("data").EnumerateArray().ShouldAllBe(p => p[1].GetDouble() <= 0);
        var price = ReportCharts.Option(html, "chart-price-trades");
        price.SeriesCount().ShouldBe(3);
        price.Series("close").Points().ShouldBe(200);
        var trades = Model(trades: 12, refused: 3).Trades;
        var entries = price.Series("entries");
        entries.GetProperty("color").GetString().ShouldBe("#2e7d32");
        entries.GetProperty("data").EnumerateArray().Select(p => (p.GetProperty("value")[0].GetDouble(), p.GetProperty("value")[1].GetDouble()))
            .ShouldBe(trades.Select(t => ((double)new DateTimeOffset(t.EntryTime).ToUnixTimeMilliseconds(), (double)t.EntryPrice)));
        var exits = price.Series("exits");
        exits.GetProperty("color").GetString().ShouldBe("#c62828");
        exits.GetProperty("data").EnumerateArray().Select(p => p.GetProperty("value")[1].GetDouble()).ShouldBe(trades.Select(t => (double)t.ExitPrice));
        entries.Names()[0].ShouldStartWith("entry 2024-01-02 00:00 at ");
        entries.Names()[0].ShouldEndWith(": entry");
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
        var price = ReportCharts.Option(html, "chart-price-trades");
        price.Series("entries").Points().ShouldBe(0);
        price.Series("exits").Points().ShouldBe(0);
        price.Series("close").Points().ShouldBe(200);
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

        ReportCharts.Option(html, "chart-price-trades").Series("entries").Points().ShouldBe(4); // SPY's own entries only
        var second = ReportCharts.Option(html, "chart-price-trades-btcusd");
        second.Series("entries").Points().ShouldBe(7);
        second.Series("exits").Points().ShouldBe(7);
        second.Series("close").GetProperty("data")[0][1].GetDouble().ShouldBe(40_500);
        html.ShouldContain("BTC/USD: price, entries (green) and exits (red)");
    }
}
