using Keel.Core.Backtest;
using Keel.Core.Costs;

namespace Keel.Core.Tests.Backtest;

public class BenchmarkTests
{
    [Fact]
    public void Buy_and_hold_buys_95_percent_at_the_first_next_open_and_holds_to_the_end()
    {
        // Decided at the first close (100), filled at the next open (100): 950 shares; closed at the last close of 110.
        var data = Bars.Daily("SPY", Bars.At(100), Bars.At(100), Bars.At(120), (110, 110, 90, 90), Bars.At(110));
        var result = Benchmark.BuyAndHold(new BacktestSettings(), [data]);
        result.Trades.Single().Quantity.ShouldBe(950m);
        result.FinalEquity.ShouldBe(109_500m);
        result.Metrics.TotalReturnPct.ShouldBe(9.5, 1e-9);
        // Peak 119,000 at 120, trough 90: 950 × 30 = 28,500 down.
        result.Metrics.MaxDrawdownPct.ShouldBe(28_500.0 / 119_000 * 100, 1e-9);
    }

    [Fact]
    public void Buy_and_hold_pays_the_same_costs_and_splits_equity_over_symbols()
    {
        var spy = Bars.Daily("SPY", Bars.At(100), Bars.At(100), Bars.At(100));
        var qqq = Bars.Daily("QQQ", Bars.At(50), Bars.At(50), Bars.At(50));
        var settings = new BacktestSettings { Broker = new BrokerModel(CostModelText.ParseSlippage("none"), CostModelText.ParseCommission("per-order:1")) };
        var result = Benchmark.BuyAndHold(settings, [spy, qqq]);
        result.Trades.Select(t => (t.Symbol.Ticker, t.Quantity)).OrderBy(t => t.Ticker).ShouldBe([("QQQ", 950m), ("SPY", 475m)]);
        result.Metrics.TotalCommissions.ShouldBe(4m); // one buy and one end-of-run sell per symbol
    }
}
