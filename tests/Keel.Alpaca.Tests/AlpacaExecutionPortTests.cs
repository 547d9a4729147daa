using Keel.Alpaca.Execution;
using Keel.AlpacaSim.Faults;
using Keel.Core.Domain;
using Keel.Core.Trading;
using Microsoft.Extensions.Time.Testing;

namespace Keel.Alpaca.Tests;

/// <summary>
/// The execution port against the sim. Polling is driven by hand (<see cref="AlpacaExecutionPort.PollOnceAsync"/>)
/// and the fill timeout by a <see cref="FakeTimeProvider"/>: nothing waits.
/// </summary>
public sealed class AlpacaExecutionPortTests : SimTestBase
{
    private readonly FakeTimeProvider _time = new(SimHarness.MarketOpen);
    private readonly RecordingListener _listener = new();
    private AlpacaExecutionPort? _port;

    private AlpacaExecutionPort Port
    {
        get
        {
            if (_port is null)
            {
                _port = new AlpacaExecutionPort(Client, _time, new AlpacaExecutionOptions { FillTimeout = TimeSpan.FromMinutes(2) });
                _port.Attach(_listener);
            }
            return _port;
        }
    }

    private static int _sequence;

    private static OrderRequest Order(string symbol, OrderSide side, decimal quantity, OrderType type = OrderType.Market, decimal? limit = null) => new()
    {
        ClientOrderId = $"port-{Interlocked.Increment(ref _sequence)}",
        Strategy = "test",
        Symbol = Symbol.Parse(symbol),
        Side = side,
        Quantity = quantity,
        Type = type,
        LimitPrice = limit,
        Purpose = side == OrderSide.Buy ? OrderPurpose.Entry : OrderPurpose.Exit,
        CreatedAt = SimHarness.MarketOpen.UtcDateTime,
        Reason = "test",
    };

    private async Task PollAndDispatch()
    {
        await Port.PollOnceAsync();
        Port.DispatchEvents();
    }

    [Fact]
    public async Task Submit_only_queues_and_a_poll_sends_it_and_reports_the_fill()
    {
        var order = Order("AAPL", OrderSide.Buy, 3);
        Port.Submit(order);
        H.RequestCount("POST", "/v2/orders").ShouldBe(0);

        await PollAndDispatch();
        _listener.Accepted.ShouldBe([order]);
        var fill = _listener.Fills.ShouldHaveSingleItem();
        fill.ClientOrderId.ShouldBe(order.ClientOrderId);
        fill.Quantity.ShouldBe(3m);
        fill.Price.ShouldBe(100.02m);
        fill.Side.ShouldBe(OrderSide.Buy);
        fill.Time.Kind.ShouldBe(DateTimeKind.Utc);
        _listener.Closed.ShouldBeEmpty();
        Port.WorkingCount.ShouldBe(0);
        H.Sim.Broker.AllOrders().ShouldHaveSingleItem().ClientOrderId.ShouldBe(order.ClientOrderId);
    }

    [Fact]
    public async Task Crypto_under_the_minimum_notional_is_skipped_before_sending()
    {
        var tiny = Order("BTC/USD", OrderSide.Buy, 0.0002m); // about $8.40 at the 42010 ask
        Port.Submit(tiny);
        await PollAndDispatch();
        var closed = _listener.Closed.ShouldHaveSingleItem();
        closed.Status.ShouldBe(OrderStatus.Rejected);
        closed.Reason.ShouldBe("notional 8.40 is under the crypto minimum of 10.00; order skipped");
        H.RequestCount("POST", "/v2/orders").ShouldBe(0);
    }

    [Fact]
    public async Task Crypto_pair_is_sent_with_its_slash_and_fills_as_gtc()
    {
        Port.Submit(Order("BTC/USD", OrderSide.Buy, 0.01m));
        await PollAndDispatch();
        _listener.Fills.ShouldHaveSingleItem().Price.ShouldBe(42010m);
        var sent = H.Sim.Broker.AllOrders().ShouldHaveSingleItem();
        sent.Symbol.ShouldBe("BTC/USD");
        sent.TimeInForce.ShouldBe(Models.AlpacaTimeInForce.Gtc);
        (await Client.GetPositionAsync("BTCUSD")).ShouldNotBeNull().Qty.ShouldBe(0.009975m);
    }

    [Fact]
    public async Task Crypto_fills_are_reported_net_of_the_fee_so_the_ledger_matches_the_account()
    {
        var btc = Symbol.Parse("BTC/USD");
        var ledger = new Portfolio(100_000m);
        async Task Settle()
        {
            var seen = _listener.Fills.Count;
            await PollAndDispatch();
            foreach (var fill in _listener.Fills.Skip(seen)) ledger.Apply(fill);
        }

        // A buy filled in parts, so the fee is counted over several reported executions.
        H.Sim.Faults.Set(new FaultSettings { PartialFills = new PartialFillFault { Probability = 1, Seed = 5 } });
        Port.Submit(Order("BTC/USD", OrderSide.Buy, 0.123456789m));
        await Settle();
        H.Sim.Faults.Clear();
        await Settle();
        _listener.Fills.Count.ShouldBeGreaterThan(1);
        var position = (await Client.GetPositionAsync("BTCUSD")).ShouldNotBeNull();
        position.Qty.ShouldBeLessThan(0.123456789m);
        ledger.PositionQuantity(btc).ShouldBe(position.Qty);
        _listener.Fills.Sum(f => f.Commission).ShouldBe((0.123456789m - position.Qty) * 42010m);
        Math.Abs(ledger.Cash - (await Client.GetAccountAsync()).Cash).ShouldBeLessThan(0.005m);

        // The exit sells what the ledger holds, which is what the account holds; the fee comes off the dollars.
        H.Sim.Quotes.Set("BTC/USD", 43000m, 43010m);
        Port.Submit(Order("BTC/USD", OrderSide.Sell, ledger.PositionQuantity(btc)));
        await Settle();
        var sell = _listener.Fills[^1];
        (sell.Side, sell.Quantity, sell.Price).ShouldBe((OrderSide.Sell, position.Qty, 43000m));
        sell.Commission.ShouldBe(position.Qty * 43000m * 0.0025m);
        (await Client.GetPositionAsync("BTCUSD")).ShouldBeNull();
        ledger.PositionQuantity(btc).ShouldBe(0m);
        Math.Abs(ledger.Cash - (await Client.GetAccountAsync()).Cash).ShouldBeLessThan(0.005m);
        // The buy received less coin than it filled, so it is reported done; the sell needs no such word.
        var done = _listener.Closed.ShouldHaveSingleItem();
        (done.Order.Side, done.Status).ShouldBe((OrderSide.Buy, OrderStatus.Filled));
        done.Reason.ShouldContain("received after Alpaca's fee in coin");
    }

    [Fact]
    public async Task Equities_pay_no_fee()
    {
        Port.Submit(Order("AAPL", OrderSide.Buy, 3));
        await PollAndDispatch();
        var fill = _listener.Fills.ShouldHaveSingleItem();
        (fill.Quantity, fill.Commission).ShouldBe((3m, 0m));
        (await Client.GetPositionAsync("AAPL"))!.Qty.ShouldBe(3m);
    }

    [Fact]
    public async Task Unfilled_order_is_cancelled_after_the_timeout_and_reported_canceled()
    {
        var order = Order("AAPL", OrderSide.Buy, 1, OrderType.Limit, limit: 90m);
        Port.Submit(order);
        await PollAndDispatch();
        _listener.Accepted.ShouldBe([order]);

        _time.Advance(TimeSpan.FromMinutes(1));
        await PollAndDispatch();
        _listener.Closed.ShouldBeEmpty();

        _time.Advance(TimeSpan.FromMinutes(1));
        await PollAndDispatch(); // asks Alpaca to cancel
        await PollAndDispatch(); // sees it canceled
        var closed = _listener.Closed.ShouldHaveSingleItem();
        closed.Status.ShouldBe(OrderStatus.Canceled);
        closed.Reason.ShouldBe("not filled within 120 s; cancelled");
        H.Sim.Broker.AllOrders().Single().Status.ShouldBe(Models.AlpacaOrderStatus.Canceled);
    }

    [Fact]
    public async Task A_cancel_pending_at_Alpaca_keeps_the_order_working_until_Alpaca_says_canceled()
    {
        H.Sim.Faults.Set(new FaultSettings { CancelDelaySeconds = 30 });
        var order = Order("AAPL", OrderSide.Buy, 1, OrderType.Limit, limit: 90m);
        Port.Submit(order);
        await PollAndDispatch();
        Port.Cancel(order.ClientOrderId);
        await PollAndDispatch();
        await PollAndDispatch();
        (await Client.GetOrderByClientOrderIdAsync(order.ClientOrderId))!.Status.ShouldBe(Models.AlpacaOrderStatus.PendingCancel);
        _listener.Closed.ShouldBeEmpty();
        Port.WorkingCount.ShouldBe(1);
        H.RequestCount("DELETE", "/v2/orders/").ShouldBe(1); // asked once, then waited

        H.Sim.Clock.Advance(TimeSpan.FromSeconds(30));
        await PollAndDispatch();
        _listener.Closed.ShouldHaveSingleItem().ShouldBe((order, OrderStatus.Canceled, "cancelled on request"));
        Port.WorkingCount.ShouldBe(0);
    }

    [Fact]
    public async Task A_fill_that_beats_a_pending_cancel_is_reported_as_a_fill()
    {
        H.Sim.Faults.Set(new FaultSettings { CancelDelaySeconds = 30 });
        var order = Order("AAPL", OrderSide.Buy, 4, OrderType.Limit, limit: 90m);
        Port.Submit(order);
        await PollAndDispatch();
        Port.Cancel(order.ClientOrderId);
        await PollAndDispatch();
        H.Sim.Quotes.Set("AAPL", 89.90m, 89.95m);
        await PollAndDispatch();
        var fill = _listener.Fills.ShouldHaveSingleItem();
        (fill.Quantity, fill.Price).ShouldBe((4m, 89.95m));
        _listener.Closed.ShouldBeEmpty();
        Port.WorkingCount.ShouldBe(0);
    }

    [Fact]
    public async Task Partial_fills_are_reported_as_they_come_and_add_up()
    {
        H.Sim.Faults.Set(new FaultSettings { PartialFills = new PartialFillFault { Probability = 1, Seed = 11 } });
        var order = Order("AAPL", OrderSide.Buy, 100);
        Port.Submit(order);
        await PollAndDispatch(); // sends (a first partial fill), then refreshes (possibly another)
        var early = _listener.Fills.Count;
        early.ShouldBeGreaterThan(0);
        _listener.Fills.Sum(f => f.Quantity).ShouldBeLessThan(100m);
        _listener.Fills.ShouldAllBe(f => f.Price == 100.02m);

        H.Sim.Quotes.Set("AAPL", 100.10m, 100.12m);
        H.Sim.Faults.Clear();
        await PollAndDispatch();
        _listener.Fills.Count.ShouldBe(early + 1);
        _listener.Fills.Sum(f => f.Quantity).ShouldBe(100m);
        _listener.Fills[^1].Price.ShouldBe(100.12m); // the last execution at the new ask, from the change in the average
        _listener.Closed.ShouldBeEmpty();
    }

    [Fact]
    public async Task Alpaca_refusal_is_reported_rejected_with_its_message()
    {
        Port.Submit(Order("AAPL", OrderSide.Sell, 5));
        await PollAndDispatch();
        var closed = _listener.Closed.ShouldHaveSingleItem();
        closed.Status.ShouldBe(OrderStatus.Rejected);
        closed.Reason.ShouldContain("insufficient qty available for order");
        closed.Reason.ShouldContain("HTTP 403");
    }

    [Fact]
    public async Task Kernel_cancel_cancels_the_working_order()
    {
        var order = Order("AAPL", OrderSide.Buy, 1, OrderType.Limit, limit: 90m);
        Port.Submit(order);
        await PollAndDispatch();
        Port.Cancel(order.ClientOrderId);
        Port.Cancel("unknown-id"); // ignored
        await PollAndDispatch();
        await PollAndDispatch();
        var closed = _listener.Closed.ShouldHaveSingleItem();
        closed.Status.ShouldBe(OrderStatus.Canceled);
        closed.Reason.ShouldBe("cancelled on request");
    }

    [Fact]
    public async Task Lost_answer_does_not_duplicate_and_the_order_is_still_followed()
    {
        H.Sim.Faults.Set(new FaultSettings { DropOrderResponses = 1 });
        var order = Order("AAPL", OrderSide.Buy, 2);
        Port.Submit(order);
        await PollAndDispatch();
        _listener.Fills.ShouldHaveSingleItem().Quantity.ShouldBe(2m);
        H.Sim.Broker.AllOrders().Count(o => o.ClientOrderId == order.ClientOrderId).ShouldBe(1);
    }

    [Fact]
    public async Task Crypto_stop_orders_are_refused_because_Alpaca_has_none()
    {
        Port.Submit(Order("BTC/USD", OrderSide.Sell, 1, OrderType.Stop) with { StopPrice = 40000m });
        await PollAndDispatch();
        _listener.Closed.ShouldHaveSingleItem().Reason.ShouldBe("Alpaca does not take Stop orders for crypto");
    }
}
