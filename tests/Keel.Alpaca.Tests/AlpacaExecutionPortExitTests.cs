using Keel.Alpaca.Execution;
using Keel.Alpaca.Models;
using Keel.Core.Domain;
using Keel.Core.Trading;
using Microsoft.Extensions.Time.Testing;

namespace Keel.Alpaca.Tests;

/// <summary>
/// The exits an entry asks for, carried out by the Alpaca port against the sim: equity brackets and OTO
/// orders held by Alpaca, a trailing stop sent after the fill, exits the port watches itself (crypto), and
/// a strategy's own exit while those work. AAPL starts at 100.00/100.02, BTC/USD at 42000/42010.
/// </summary>
public sealed class AlpacaExecutionPortExitTests : SimTestBase
{
    private readonly FakeTimeProvider _time = new(SimHarness.MarketOpen);
    private readonly RecordingListener _listener = new();
    private AlpacaExecutionPort? _port;
    private static int _sequence;

    private AlpacaExecutionPort Port
    {
        get
        {
            if (_port is null)
            {
                _port = new AlpacaExecutionPort(Client, _time);
                _port.Attach(_listener);
            }
            return _port;
        }
    }

    private static OrderRequest Entry(string symbol, decimal quantity, decimal? stopLoss = null, decimal? takeProfit = null,
        decimal? trailing = null, decimal? reference = null) => new()
    {
        ClientOrderId = $"exits-{Interlocked.Increment(ref _sequence)}-E",
        Strategy = "test",
        Symbol = Symbol.Parse(symbol),
        Side = OrderSide.Buy,
        Quantity = quantity,
        Purpose = OrderPurpose.Entry,
        CreatedAt = SimHarness.MarketOpen.UtcDateTime,
        Reason = "test entry",
        StopLossPercent = stopLoss,
        TakeProfitPercent = takeProfit,
        TrailingStopPercent = trailing,
        ReferencePrice = reference,
    };

    private static OrderRequest StrategyExit(OrderRequest entry, decimal quantity) => entry with
    {
        ClientOrderId = entry.ClientOrderId[..^1] + "X",
        Side = OrderSide.Sell,
        Quantity = quantity,
        Purpose = OrderPurpose.Exit,
        Reason = "sell signal",
        StopLossPercent = null,
        TakeProfitPercent = null,
        TrailingStopPercent = null,
        ParentId = entry.ClientOrderId,
    };

    private async Task Poll()
    {
        await Port.PollOnceAsync();
        Port.DispatchEvents();
    }

    private AlpacaOrder AtAlpaca(string clientOrderId) => H.Sim.Broker.AllOrders().Single(o => o.ClientOrderId == clientOrderId);

    [Fact]
    public async Task Stop_loss_and_take_profit_go_to_Alpaca_as_a_bracket_whose_legs_report_as_the_entrys_exits()
    {
        var entry = Entry("AAPL", 10, stopLoss: 5, takeProfit: 10, reference: 100m);
        Port.Submit(entry);
        await Poll();

        var sent = AtAlpaca(entry.ClientOrderId);
        (sent.OrderClass, sent.TimeInForce).ShouldBe((AlpacaOrderClass.Bracket, AlpacaTimeInForce.Gtc));
        var legs = H.Sim.Broker.AllOrders().Where(o => o.Id != sent.Id).ToList();
        legs.Single(l => l.Type == AlpacaOrderType.Stop).StopPrice.ShouldBe(95.00m);
        legs.Single(l => l.Type == AlpacaOrderType.Limit).LimitPrice.ShouldBe(110.00m);

        // The kernel hears of the entry, its fill, then each leg Alpaca made, under the ids a backtest gives them.
        _listener.Accepted.Count.ShouldBe(3);
        _listener.Accepted[0].ShouldBe(entry);
        _listener.Fills.ShouldHaveSingleItem().Quantity.ShouldBe(10m);
        var stop = _listener.Accepted.Single(o => o.Purpose == OrderPurpose.StopLoss);
        var take = _listener.Accepted.Single(o => o.Purpose == OrderPurpose.TakeProfit);
        (stop.ParentId, stop.Side, stop.Type, stop.StopPrice, stop.Quantity).ShouldBe((entry.ClientOrderId, OrderSide.Sell, OrderType.Stop, 95.00m, 10m));
        (take.ParentId, take.Type, take.LimitPrice).ShouldBe((entry.ClientOrderId, OrderType.Limit, 110.00m));
        (stop.ClientOrderId, take.ClientOrderId).ShouldBe((ExitRules.ExitId(entry.ClientOrderId, OrderPurpose.StopLoss), ExitRules.ExitId(entry.ClientOrderId, OrderPurpose.TakeProfit)));
        legs.ShouldNotContain(l => l.ClientOrderId == stop.ClientOrderId, "Alpaca named the legs itself");
        Port.WorkingCount.ShouldBe(2);

        // The market falls through the stop: a StopLoss fill, and the take-profit ends with it.
        H.Sim.Quotes.Set("AAPL", 94.90m, 94.92m);
        await Poll();
        var stopFill = _listener.Fills[^1];
        (stopFill.ClientOrderId, stopFill.Purpose, stopFill.Side, stopFill.Quantity, stopFill.Price)
            .ShouldBe((stop.ClientOrderId, OrderPurpose.StopLoss, OrderSide.Sell, 10m, 94.90m));
        _listener.Closed.ShouldHaveSingleItem().ShouldBe((take, OrderStatus.Canceled, "one-cancels-other: StopLoss filled"));
        Port.WorkingCount.ShouldBe(0);
        (await Client.GetPositionAsync("AAPL")).ShouldBeNull();
    }

    [Fact]
    public async Task One_exit_goes_as_oto_priced_from_the_ask_when_no_reference_price_is_given()
    {
        var entry = Entry("AAPL", 10, stopLoss: 5);
        Port.Submit(entry);
        await Poll();
        AtAlpaca(entry.ClientOrderId).OrderClass.ShouldBe(AlpacaOrderClass.Oto);
        _listener.Accepted.Single(o => o.Purpose == OrderPurpose.StopLoss).StopPrice.ShouldBe(95.01m); // 100.02 × 0.95 = 95.019, down to the cent: no sooner than the exact stop
        _listener.Accepted.Count.ShouldBe(2);
    }

    [Fact]
    public async Task Bracket_prices_follow_Alpacas_price_grid()
    {
        var (order, _) = OrderMapping.ToAlpaca(Entry("AAPL", 100, stopLoss: 3.33m, takeProfit: 7, reference: 0.5m), ExitRoute.Bracket, 0.5m);
        // Four decimals under $1: 0.48335 and 0.535. The stop goes down and the limit up, so that neither is
        // reached by a price the exact one would not be.
        (order!.StopLoss!.StopPrice, order.TakeProfit!.LimitPrice).ShouldBe((0.4833m, 0.535m));
        (order, _) = OrderMapping.ToAlpaca(Entry("AAPL", 100, stopLoss: 3.33m, takeProfit: 7), ExitRoute.Bracket, 123.45m);
        (order!.StopLoss!.StopPrice, order.TakeProfit!.LimitPrice).ShouldBe((119.33m, 132.10m)); // cents from $1: 119.339115 and 132.0915
        (order, _) = OrderMapping.ToAlpaca(Entry("AAPL", 1.5m, stopLoss: 5, takeProfit: 5), ExitRoute.Bracket, 100m);
        order!.TimeInForce.ShouldBe(AlpacaTimeInForce.Day); // fractional shares must be day orders
    }

    [Fact]
    public async Task A_strategy_exit_waits_for_the_bracket_legs_to_be_cancelled_then_sells()
    {
        var entry = Entry("AAPL", 10, stopLoss: 5, takeProfit: 10, reference: 100m);
        Port.Submit(entry);
        await Poll();
        var exit = StrategyExit(entry, 10);
        Port.Submit(exit);
        await Poll(); // legs cancelled; the exit waits, then goes once they are seen cancelled
        await Poll();

        _listener.Closed.Count.ShouldBe(2);
        _listener.Closed.ShouldAllBe(c => c.Order.ParentId == entry.ClientOrderId && c.Status == OrderStatus.Canceled
                                          && c.Reason == "cancelled: the strategy exits on its own");
        var sold = _listener.Fills[^1];
        (sold.ClientOrderId, sold.Purpose, sold.Quantity, sold.Price).ShouldBe((exit.ClientOrderId, OrderPurpose.Exit, 10m, 100.00m));
        (await Client.GetPositionAsync("AAPL")).ShouldBeNull();
        Port.WorkingCount.ShouldBe(0);
    }

    [Fact]
    public async Task Crypto_exits_are_watched_by_the_port_and_sold_at_market_when_reached()
    {
        var entry = Entry("BTC/USD", 0.1m, stopLoss: 2, takeProfit: 3);
        Port.Submit(entry);
        await Poll();

        var sent = AtAlpaca(entry.ClientOrderId);
        sent.OrderClass.ShouldBe(AlpacaOrderClass.Simple); // Alpaca has no crypto brackets
        H.Sim.Broker.AllOrders().ShouldHaveSingleItem();
        var received = _listener.Fills.ShouldHaveSingleItem().Quantity;
        received.ShouldBe(0.09975m); // after Alpaca's fee
        var stop = _listener.Accepted.Single(o => o.Purpose == OrderPurpose.StopLoss);
        var take = _listener.Accepted.Single(o => o.Purpose == OrderPurpose.TakeProfit);
        (stop.ClientOrderId, stop.StopPrice, stop.Quantity).ShouldBe((entry.ClientOrderId[..^1] + "S", 42010m * 0.98m, received));
        (take.ClientOrderId, take.LimitPrice, take.ParentId).ShouldBe((entry.ClientOrderId[..^1] + "T", 42010m * 1.03m, entry.ClientOrderId));

        await Poll();
        _listener.Fills.Count.ShouldBe(1); // not reached yet
        H.Sim.Quotes.Set("BTC/USD", 43300m, 43310m); // bid over 43270.30
        await Poll();
        var sold = _listener.Fills[^1];
        (sold.ClientOrderId, sold.Purpose, sold.Quantity, sold.Price).ShouldBe((take.ClientOrderId, OrderPurpose.TakeProfit, received, 43300m));
        _listener.Closed.Where(c => c.Status != OrderStatus.Filled).ShouldHaveSingleItem().ShouldBe((stop, OrderStatus.Canceled, "one-cancels-other: TakeProfit reached"));
        (await Client.GetPositionAsync("BTCUSD")).ShouldBeNull();
        Port.WorkingCount.ShouldBe(0);
    }

    [Fact]
    public async Task A_strategy_exit_ends_watched_exits_at_once()
    {
        var entry = Entry("BTC/USD", 0.1m, stopLoss: 2);
        Port.Submit(entry);
        await Poll();
        var received = _listener.Fills.Single().Quantity;
        Port.Submit(StrategyExit(entry, received));
        await Poll();
        _listener.Closed.Where(c => c.Status != OrderStatus.Filled).ShouldHaveSingleItem().Reason.ShouldBe("cancelled: the strategy exits on its own");
        _listener.Fills[^1].Quantity.ShouldBe(received);
        (await Client.GetPositionAsync("BTCUSD")).ShouldBeNull();
    }

    [Fact]
    public async Task An_equity_trailing_stop_alone_is_Alpacas_trailing_stop_sent_after_the_fill()
    {
        var entry = Entry("AAPL", 10, trailing: 5);
        Port.Submit(entry);
        await Poll(); // the entry fills
        await Poll(); // the trailing stop is sent
        var trailing = AtAlpaca(entry.ClientOrderId[..^1] + "R");
        (trailing.Type, trailing.TrailPercent, trailing.Qty, trailing.Side).ShouldBe((AlpacaOrderType.TrailingStop, 5m, 10m, AlpacaOrderSide.Sell));
        var accepted = _listener.Accepted.Single(o => o.Purpose == OrderPurpose.TrailingStop);
        accepted.ParentId.ShouldBe(entry.ClientOrderId);

        H.Sim.Quotes.Set("AAPL", 110m, 110.02m);
        await Poll(); // the high-water mark rises to 110: the stop to 104.50
        H.Sim.Quotes.Set("AAPL", 104.40m, 104.42m);
        _time.Advance(TimeSpan.FromHours(1)); // exits are never timed out
        await Poll();
        var fill = _listener.Fills[^1];
        (fill.Purpose, fill.Quantity, fill.Price).ShouldBe((OrderPurpose.TrailingStop, 10m, 104.40m));
        _listener.Closed.ShouldBeEmpty();
    }

    [Fact]
    public async Task An_equity_trailing_stop_with_a_stop_loss_is_watched_because_a_bracket_would_hold_its_shares()
    {
        var entry = Entry("AAPL", 10, stopLoss: 10, trailing: 5);
        Port.Submit(entry);
        await Poll();
        H.Sim.Broker.AllOrders().ShouldHaveSingleItem().OrderClass.ShouldBe(AlpacaOrderClass.Simple);
        _listener.Accepted.Select(o => o.Purpose).ShouldBe([OrderPurpose.Entry, OrderPurpose.StopLoss, OrderPurpose.TrailingStop]);

        H.Sim.Quotes.Set("AAPL", 120m, 120.02m);
        await Poll();
        H.Sim.Quotes.Set("AAPL", 113.90m, 113.92m); // under 120 × 0.95 = 114
        await Poll();
        var fill = _listener.Fills[^1];
        (fill.Purpose, fill.Quantity, fill.Price).ShouldBe((OrderPurpose.TrailingStop, 10m, 113.90m));
        _listener.Closed.ShouldHaveSingleItem().Reason.ShouldBe("one-cancels-other: TrailingStop reached");
    }
}
