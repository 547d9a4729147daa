using Keel.Core.Backtest;
using Keel.Core.Domain;
using Keel.Core.Strategies;
using Keel.Core.Trading;

namespace Keel.Core.Tests.Backtest;

/// <summary>A backtest that begins with positions held (the drift replay of a period that starts mid-trade).</summary>
public sealed class StartingPositionTests
{
    private static readonly Symbol Spy = Symbol.Parse("SPY");
    private static readonly DateTime T0 = new(2024, 12, 16, 15, 0, 0, DateTimeKind.Utc);

    private static (OrderRequest, Fill) F(string id, OrderSide side, decimal quantity, decimal price, int minutes, string strategy = "s")
    {
        var order = new OrderRequest
        {
            ClientOrderId = id, Strategy = strategy, Symbol = Spy, Side = side, Quantity = quantity,
            Purpose = side == OrderSide.Buy ? OrderPurpose.Entry : OrderPurpose.Exit, CreatedAt = T0.AddMinutes(minutes), Reason = "test",
        };
        return (order, new Fill(id, strategy, Spy, side, side == OrderSide.Buy ? OrderPurpose.Entry : OrderPurpose.Exit, quantity, price, 0, 0, T0.AddMinutes(minutes + 1)));
    }

    [Fact]
    public void Positions_before_a_time_net_the_fills_of_the_orders_decided_before_it()
    {
        (OrderRequest, Fill)[] fills =
        [
            F("a", OrderSide.Buy, 10, 100, 0), F("b", OrderSide.Sell, 10, 105, 15), // a round trip: flat again
            F("c", OrderSide.Buy, 4, 110, 30), F("d", OrderSide.Buy, 6, 100, 45),    // held: 10 at 104
            F("e", OrderSide.Sell, 10, 120, 60),                                      // decided after the cut
            F("x", OrderSide.Buy, 1, 50, 0, strategy: "other"),
        ];
        var held = StartingPosition.Before(fills, T0.AddMinutes(60));
        held.Count.ShouldBe(2);
        var s = held.Single(p => p.Strategy == "s");
        (s.Quantity, s.AveragePrice, s.EntryTime).ShouldBe((10m, 104m, T0.AddMinutes(31)));
        held.Single(p => p.Strategy == "other").Quantity.ShouldBe(1m);
        StartingPosition.Before(fills, T0.AddMinutes(61)).Where(p => p.Strategy == "s").ShouldBeEmpty();
    }

    [Fact]
    public void A_held_position_is_on_its_slot_at_its_mark_and_the_strategy_can_sell_it()
    {
        var bars = Bars.Daily("SPY", Bars.At(100), Bars.At(110), Bars.At(120));
        var settings = new BacktestSettings
        {
            StartingCash = 1_000m,
            FillModel = FillModel.Close,
            StartingPositions = [new StartingPosition("scripted", Spy, 10, 90, Bars.Day0.AddDays(-5)) { Mark = 100 }],
        };
        var result = Backtester.Run(settings, [bars], [() => (IStrategy)new ScriptedStrategy([], [1])]);
        result.EquityCurve[0].Equity.ShouldBe(2_000, "1,000 cash and 10 marked at 100");
        var trade = result.Trades.ShouldHaveSingleItem();
        (trade.EntryPrice, trade.ExitPrice, trade.Quantity).ShouldBe((90m, 110m, 10m));
        result.FinalEquity.ShouldBe(1_000m + 10 * 110m);
    }
}
