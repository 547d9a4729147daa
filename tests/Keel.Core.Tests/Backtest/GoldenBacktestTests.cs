using Keel.Core.Backtest;
using Keel.Core.Costs;
using Keel.Core.Risk;
using Keel.Core.Strategies;
using Keel.Core.Trading;

namespace Keel.Core.Tests.Backtest;

/// <summary>
/// Backtests small enough to check by hand. Every number asserted here is worked out in the comments;
/// a change in any of them is a change in Keel's results and must be deliberate.
/// </summary>
public class GoldenBacktestTests
{
    // b0 flat at 10; b1 closes 10.5 (buy signal); b2 opens 11; b3 closes 13 (sell signal); b4 opens 12.5, closes 12.5.
    private static readonly Keel.Core.Domain.BarSeries FiveBars = Bars.Daily("ACME",
        Bars.At(10), (10, 11, 10, 10.5), (11, 12, 11, 12), (12, 13, 12, 13), (12.5, 13, 12, 12.5));

    private static BacktestResult Run(Keel.Core.Domain.BarSeries data, IStrategy strategy, BacktestSettings settings) =>
        Backtester.Run(settings, [data], [() => strategy]);

    private static BacktestSettings Fixed(decimal quantity, decimal cash = 10_000m) => new()
    {
        StartingCash = cash,
        Risk = new RiskConfig { Sizing = new Sizing(SizingMethod.FixedQuantity, quantity) },
    };

    [Fact]
    public void Market_orders_decided_on_a_close_fill_at_the_next_open()
    {
        // Buy 100 decided at b1's close fills at b2's open 11: cash 10,000 − 1,100 = 8,900.
        // Sell decided at b3's close fills at b4's open 12.5: cash 8,900 + 1,250 = 10,150.
        var result = Run(FiveBars, new ScriptedStrategy([1], [3]), Fixed(100));

        var trade = result.Trades.ShouldHaveSingleItem();
        trade.EntryPrice.ShouldBe(11m);
        trade.EntryTime.ShouldBe(Bars.Day0.AddDays(2));
        trade.ExitPrice.ShouldBe(12.5m);
        trade.ExitTime.ShouldBe(Bars.Day0.AddDays(4));
        trade.NetPnl.ShouldBe(150m);
        result.FinalEquity.ShouldBe(10_150m);
        result.FinalCash.ShouldBe(10_150m);
        // Equity by bar: 10,000, 10,000, 8,900+1,200, 8,900+1,300, 10,150.
        result.EquityCurve.Select(p => p.Equity).ShouldBe([10_000, 10_000, 10_100, 10_200, 10_150]);
    }

    [Fact]
    public void Close_fill_mode_fills_on_the_deciding_bar()
    {
        // Buy 100 at b1's close 10.5: cash 8,950. Sell at b3's close 13: 8,950 + 1,300 = 10,250.
        var result = Run(FiveBars, new ScriptedStrategy([1], [3]), Fixed(100) with { FillModel = FillModel.Close });
        result.Trades.ShouldHaveSingleItem().EntryPrice.ShouldBe(10.5m);
        result.FinalEquity.ShouldBe(10_250m);
    }

    [Fact]
    public void Round_trip_commission_is_charged_half_per_leg()
    {
        // $5 round trip: 2.50 on entry, 2.50 on exit. 10,000 − 1,100 − 2.5 + 1,250 − 2.5 = 10,145.
        var settings = Fixed(100) with { Broker = new BrokerModel(NoSlippage.Instance, new RoundTripCommission(5)) };
        var result = Run(FiveBars, new ScriptedStrategy([1], [3]), settings);
        result.Trades.ShouldHaveSingleItem().Fees.ShouldBe(5m);
        result.Trades[0].NetPnl.ShouldBe(145m);
        result.FinalEquity.ShouldBe(10_145m);
        result.Metrics.TotalCommissions.ShouldBe(5m);
    }

    [Fact]
    public void Percent_commission_is_charged_on_each_fills_notional()
    {
        // 0.1%: entry 1,100 × 0.001 = 1.10; exit 1,250 × 0.001 = 1.25. 10,150 − 2.35 = 10,147.65.
        var settings = Fixed(100) with { Broker = new BrokerModel(NoSlippage.Instance, new PercentCommission(0.1m)) };
        var result = Run(FiveBars, new ScriptedStrategy([1], [3]), settings);
        result.Trades.ShouldHaveSingleItem().Fees.ShouldBe(2.35m);
        result.FinalEquity.ShouldBe(10_147.65m);
    }

    [Fact]
    public void Percent_slippage_moves_both_legs_against_the_trader()
    {
        // 0.05%: buy at 11 × 1.0005 = 11.0055 (cost 1,100.55); sell at 12.5 × 0.9995 = 12.49375 (1,249.375).
        // Final 10,000 − 1,100.55 + 1,249.375 = 10,148.825; slippage paid 0.55 + 0.625 = 1.175.
        var settings = Fixed(100) with { Broker = new BrokerModel(new PercentSlippage(0.05m), NoCommission.Instance) };
        var result = Run(FiveBars, new ScriptedStrategy([1], [3]), settings);
        var trade = result.Trades.ShouldHaveSingleItem();
        trade.EntryPrice.ShouldBe(11.0055m);
        trade.ExitPrice.ShouldBe(12.49375m);
        trade.Slippage.ShouldBe(1.175m);
        result.FinalEquity.ShouldBe(10_148.825m);
        result.Metrics.TotalSlippage.ShouldBe(1.175m);
    }

    [Fact]
    public void A_stop_that_the_open_gaps_through_fills_at_the_open()
    {
        // Entry 100 @ 100 at b2's open; stop loss 5% → 95. b2's low 99 does not reach it.
        // b3 opens at 90, below the stop: the stop fills at the open, 90, not at 95.
        // Cash 20,000 − 10,000 + 9,000 = 19,000.
        var data = Bars.Daily("ACME", Bars.At(100), Bars.At(100), (100, 101, 99, 100), (90, 92, 89, 91), Bars.At(91));
        var settings = Fixed(100, 20_000m) with { Risk = new RiskConfig { Sizing = new Sizing(SizingMethod.FixedQuantity, 100), StopLossPercent = 5 } };
        var result = Run(data, new ScriptedStrategy([1], []), settings);
        var trade = result.Trades.ShouldHaveSingleItem();
        trade.ExitPrice.ShouldBe(90m);
        trade.ExitTime.ShouldBe(Bars.Day0.AddDays(3));
        trade.ExitReason.ShouldContain("stop loss");
        result.FinalEquity.ShouldBe(19_000m);
    }

    [Fact]
    public void When_one_bar_reaches_both_stop_and_target_the_stop_fills_and_the_target_is_cancelled()
    {
        // Entry @ 100; stop 95, target 105. b3 (open 100, high 106, low 94) reaches both and gapped
        // through neither: the bar does not say which came first, so the stop (worse case) fills at 95.
        var data = Bars.Daily("ACME", Bars.At(100), Bars.At(100), (100, 101, 99, 100), (100, 106, 94, 100), Bars.At(100));
        var risk = new RiskConfig { Sizing = new Sizing(SizingMethod.FixedQuantity, 100), StopLossPercent = 5, TakeProfitPercent = 5 };
        var result = Run(data, new ScriptedStrategy([1], []), Fixed(100, 20_000m) with { Risk = risk });
        result.Trades.ShouldHaveSingleItem().ExitPrice.ShouldBe(95m);
        result.FinalEquity.ShouldBe(19_500m);
        result.OrderEvents.ShouldContain(e => e.Order.Purpose == OrderPurpose.TakeProfit && e.Status == OrderStatus.Canceled);
    }

    [Fact]
    public void A_target_that_the_open_gaps_past_fills_at_the_better_open()
    {
        // Entry @ 100, target 105; b3 opens at 107: the limit fills at the open, 107 (+700).
        var data = Bars.Daily("ACME", Bars.At(100), Bars.At(100), (100, 101, 99, 100), (107, 108, 106, 107), Bars.At(107));
        var risk = new RiskConfig { Sizing = new Sizing(SizingMethod.FixedQuantity, 100), StopLossPercent = 5, TakeProfitPercent = 5 };
        var result = Run(data, new ScriptedStrategy([1], []), Fixed(100, 20_000m) with { Risk = risk });
        result.Trades.ShouldHaveSingleItem().ExitPrice.ShouldBe(107m);
        result.FinalEquity.ShouldBe(20_700m);
    }

    [Fact]
    public void The_quantity_cap_cuts_an_entry_and_says_so()
    {
        // percent:95 of 100,000 at the deciding close 10.5 → 9,047.6 → 9,047 shares; the cap is 1,000 shares.
        // 1,000 fill at b2's open 11; closed at the end at b4's close 12.5: 100,000 + 1,000 × 1.5 = 101,500.
        var settings = new BacktestSettings { StartingCash = 100_000m, Risk = new RiskConfig { Sizing = Sizing.Parse("percent:95"), MaxPositionSize = 1_000 } };
        var result = Run(FiveBars, new ScriptedStrategy([1], []), settings);
        result.Trades.ShouldHaveSingleItem().Quantity.ShouldBe(1_000m);
        result.FinalEquity.ShouldBe(101_500m);
        result.OrderEvents.ShouldContain(e => e.Status == OrderStatus.New && e.Reason.Contains("cut to 1000 by the position cap of 1000"));
    }

    [Fact]
    public void An_order_cash_cannot_cover_at_its_fill_price_is_rejected_with_a_reason()
    {
        // 1,000 shares at b2's open 11 cost 11,000 > 10,000 cash: rejected, not resized.
        var result = Run(FiveBars, new ScriptedStrategy([1], []), Fixed(1_000));
        result.Trades.ShouldBeEmpty();
        result.FinalEquity.ShouldBe(10_000m);
        var rejected = result.OrderEvents.Where(e => e.Status == OrderStatus.Rejected).ShouldHaveSingleItem();
        rejected.Reason.ShouldContain("insufficient cash");
    }

    [Fact]
    public void Positions_open_at_the_end_are_closed_at_the_last_close_unless_kept_open()
    {
        // Bought 100 @ 11 at b2; never sold. Closed at b4's close 12.5 → 10,150 and one trade.
        var closed = Run(FiveBars, new ScriptedStrategy([1], []), Fixed(100));
        var trade = closed.Trades.ShouldHaveSingleItem();
        trade.ExitPrice.ShouldBe(12.5m);
        trade.ExitReason.ShouldContain("end of backtest");
        closed.OpenQuantity.ShouldBe(0m);
        closed.FinalEquity.ShouldBe(10_150m);

        // Kept open: no trade, 100 still held, equity marked at 12.5: 8,900 + 1,250.
        var open = Run(FiveBars, new ScriptedStrategy([1], []), Fixed(100) with { CloseAtEnd = false });
        open.Trades.ShouldBeEmpty();
        open.OpenQuantity.ShouldBe(100m);
        open.FinalEquity.ShouldBe(10_150m);
        open.FinalCash.ShouldBe(8_900m);
    }

    [Fact]
    public void The_daily_loss_limit_halts_entries_for_the_rest_of_the_day_only()
    {
        // Close fills, 50 shares, 5% daily limit. Day 1 (New York 2024-01-02) starts at 10,000.
        // 15:00Z buy 50 @ 100 (cash 5,000). 16:00Z close 88: equity 5,000 + 4,400 = 9,400, 6% down → halt;
        // the same bar's sell fills @ 88 (exits still run). 17:00Z buy refused. Day 2 15:00Z buy 50 @ 95 is allowed;
        // closed at the end at 95: 9,400.
        var t = new DateTime(2024, 1, 2, 15, 0, 0, DateTimeKind.Utc);
        var data = Bars.Hourly("ACME", [t, t.AddHours(1), t.AddHours(2), t.AddDays(1)], Bars.At(100), Bars.At(88), Bars.At(95), Bars.At(95));
        var settings = new BacktestSettings
        {
            StartingCash = 10_000m,
            FillModel = FillModel.Close,
            Risk = new RiskConfig { Sizing = new Sizing(SizingMethod.FixedQuantity, 50), DailyLossLimitPercent = 5 },
        };
        var result = Run(data, new ScriptedStrategy([0, 2, 3], [1]), settings);

        result.Trades.Count.ShouldBe(2);
        result.Trades[0].NetPnl.ShouldBe(-600m);
        result.Trades[1].EntryTime.ShouldBe(t.AddDays(1));
        var refused = result.OrderEvents.Where(e => e.Status == OrderStatus.RefusedByRisk).ShouldHaveSingleItem();
        refused.Time.ShouldBe(t.AddHours(2));
        refused.Reason.ShouldContain("daily loss limit");
        result.FinalEquity.ShouldBe(9_400m);
    }

    [Fact]
    public void Crypto_orders_under_the_minimum_notional_are_skipped_with_a_reason()
    {
        // 0.0001 BTC at 50,000 is $5, under Alpaca's $10 floor.
        var data = Bars.Daily("BTC/USD", Bars.At(50_000), Bars.At(50_000), Bars.At(50_000));
        var settings = new BacktestSettings
        {
            StartingCash = 1_000m,
            Broker = BrokerModel.Alpaca(slippagePercent: 0),
            Risk = new RiskConfig { Sizing = new Sizing(SizingMethod.FixedQuantity, 0.0001m) },
        };
        var result = Run(data, new ScriptedStrategy([1], []), settings);
        result.Trades.ShouldBeEmpty();
        result.OrderEvents.Where(e => e.Status == OrderStatus.Rejected).ShouldHaveSingleItem().Reason.ShouldContain("under the crypto minimum");
    }

    [Fact]
    public void Alpaca_crypto_fee_is_a_quarter_percent_of_notional()
    {
        // 0.1 BTC at 50,000 = 5,000 notional; fee 12.50 each way. Sold at 51,000: 5,100 − 12.75.
        // Cash 10,000 − 5,000 − 12.50 + 5,100 − 12.75 = 10,074.75.
        var data = Bars.Daily("BTC/USD", Bars.At(50_000), Bars.At(50_000), Bars.At(50_000), Bars.At(51_000), Bars.At(51_000));
        var settings = new BacktestSettings
        {
            StartingCash = 10_000m,
            Broker = BrokerModel.Alpaca(slippagePercent: 0),
            Risk = new RiskConfig { Sizing = new Sizing(SizingMethod.FixedQuantity, 0.1m) },
        };
        var result = Run(data, new ScriptedStrategy([1], [3]), settings);
        result.Trades.ShouldHaveSingleItem().Fees.ShouldBe(25.25m);
        result.FinalEquity.ShouldBe(10_074.75m);
    }
}
