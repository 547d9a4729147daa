using Keel.Core.Domain;
using Keel.Core.Trading;

namespace Keel.Testing;

/// <summary>
/// What every <see cref="IExecutionPort"/> owes the kernel, whatever the venue (the idea of Lean's
/// BrokerageTests). Compiled into each test project that has a port (linked source file); a subclass
/// supplies the port and the means to move its market. Where two ports differ by design, a hook states
/// the difference and the assertion follows it exactly; nothing is left unchecked.
/// </summary>
public abstract class ExecutionPortContract : IAsyncLifetime
{
    protected const decimal DefaultCash = 100_000m;
    protected static readonly Symbol Stock = Symbol.Parse("AAPL");
    protected static readonly Symbol Crypto = Symbol.Parse("BTC/USD");

    /// <summary>Tuesday 2 January 2024, 10:00 New York: a regular session is open.</summary>
    protected static readonly DateTime SessionOpen = new(2024, 1, 2, 15, 0, 0, DateTimeKind.Utc);

    private static int _sequence;

    /// <summary>Everything the port reported, in order.</summary>
    protected PortEvents Events { get; } = new();

    // ----- hooks -----

    /// <summary>Creates the port under test for an account holding <paramref name="cash"/> and no positions, attached to <see cref="Events"/>.</summary>
    protected abstract Task<IExecutionPort> CreatePortAsync(decimal cash);

    /// <summary>Makes <paramref name="price"/> the market: bid = ask = price, so buys and sells fill there.</summary>
    protected abstract Task SetPriceAsync(Symbol symbol, decimal price);

    /// <summary>Lets the venue act on what was submitted or cancelled and delivers what it reported (a new bar; poll rounds).</summary>
    protected abstract Task SettleAsync();

    /// <summary>Lets a working order run past the point where the port gives up on it (a timeout; the end of a run).</summary>
    protected abstract Task ExpireWorkingOrdersAsync();

    /// <summary>The reason the port gives when it ends an order that never filled.</summary>
    protected abstract string ExpiryReason { get; }

    /// <summary>The venue's own record of the account's position (not the events').</summary>
    protected abstract Task<decimal> PositionAtVenueAsync(Symbol symbol);

    /// <summary>How many orders reached the venue's book.</summary>
    protected abstract Task<int> OrdersAtVenueAsync();

    /// <summary>
    /// True when an order the account cannot carry out (cash, position) is refused before it is accepted
    /// (Alpaca checks buying power and quantity at submission); false when it is accepted and refused when
    /// it would fill, at its fill price (the simulated broker).
    /// </summary>
    protected abstract bool ChecksTheAccountAtSubmission { get; }

    /// <summary>Words the refusal of an unaffordable buy contains.</summary>
    protected abstract string InsufficientCashWords { get; }

    /// <summary>Words the refusal of a sell larger than the position contains (neither port shorts).</summary>
    protected abstract string NoShortingWords { get; }

    public Task InitializeAsync() => Task.CompletedTask;

    public virtual Task DisposeAsync() => Task.CompletedTask;

    // ----- the contract -----

    [Fact]
    public async Task Buy_from_flat_is_accepted_and_filled_at_the_market()
    {
        var port = await CreatePortAsync(DefaultCash);
        await SetPriceAsync(Stock, 100m);
        var buy = Order(Stock, OrderSide.Buy, 10);
        port.Submit(buy);
        await SettleAsync();

        Events.Accepted.ShouldBe([buy]);
        var fill = Events.Fills.ShouldHaveSingleItem();
        (fill.ClientOrderId, fill.Symbol, fill.Side, fill.Purpose, fill.Quantity, fill.Price).ShouldBe((buy.ClientOrderId, Stock, OrderSide.Buy, OrderPurpose.Entry, 10m, 100m));
        fill.Time.Kind.ShouldBe(DateTimeKind.Utc);
        Events.Closed.ShouldBeEmpty();
        (await PositionAtVenueAsync(Stock)).ShouldBe(10m);
    }

    [Fact]
    public async Task Sell_to_flat_fills_and_leaves_no_position()
    {
        var port = await CreatePortAsync(DefaultCash);
        await SetPriceAsync(Stock, 100m);
        port.Submit(Order(Stock, OrderSide.Buy, 10));
        await SettleAsync();

        await SetPriceAsync(Stock, 105m);
        var sell = Order(Stock, OrderSide.Sell, 10);
        port.Submit(sell);
        await SettleAsync();

        Events.Fills.Count.ShouldBe(2);
        var fill = Events.Fills[1];
        (fill.ClientOrderId, fill.Side, fill.Purpose, fill.Quantity, fill.Price).ShouldBe((sell.ClientOrderId, OrderSide.Sell, OrderPurpose.Exit, 10m, 105m));
        Events.Closed.ShouldBeEmpty();
        (await PositionAtVenueAsync(Stock)).ShouldBe(0m);
    }

    [Fact]
    public async Task Cancel_of_a_working_order_closes_it_canceled_and_unknown_ids_are_ignored()
    {
        var port = await CreatePortAsync(DefaultCash);
        await SetPriceAsync(Stock, 100m);
        var bid = Order(Stock, OrderSide.Buy, 10, OrderType.Limit, limit: 90m);
        port.Submit(bid);
        await SettleAsync();
        Events.Accepted.ShouldBe([bid]);

        port.Cancel(bid.ClientOrderId);
        port.Cancel("never-submitted");
        await SettleAsync();

        var closed = Events.Closed.ShouldHaveSingleItem();
        (closed.Order, closed.Status, closed.Reason).ShouldBe((bid, OrderStatus.Canceled, "cancelled on request"));
        Events.Fills.ShouldBeEmpty();
        (await PositionAtVenueAsync(Stock)).ShouldBe(0m);
    }

    [Fact]
    public async Task A_buy_the_account_cannot_pay_for_is_rejected_with_the_reason()
    {
        var port = await CreatePortAsync(cash: 1_000m);
        await SetPriceAsync(Stock, 100m);
        var buy = Order(Stock, OrderSide.Buy, 100);
        port.Submit(buy);
        await SettleAsync();

        Events.Accepted.Count.ShouldBe(ChecksTheAccountAtSubmission ? 0 : 1);
        var closed = Events.Closed.ShouldHaveSingleItem();
        (closed.Order, closed.Status).ShouldBe((buy, OrderStatus.Rejected));
        closed.Reason.ShouldContain(InsufficientCashWords);
        Events.Fills.ShouldBeEmpty();
        (await PositionAtVenueAsync(Stock)).ShouldBe(0m);
    }

    [Fact]
    public async Task A_sell_larger_than_the_position_is_rejected_because_neither_port_shorts()
    {
        var port = await CreatePortAsync(DefaultCash);
        await SetPriceAsync(Stock, 100m);
        var sell = Order(Stock, OrderSide.Sell, 5);
        port.Submit(sell);
        await SettleAsync();

        Events.Accepted.Count.ShouldBe(ChecksTheAccountAtSubmission ? 0 : 1);
        var closed = Events.Closed.ShouldHaveSingleItem();
        (closed.Order, closed.Status).ShouldBe((sell, OrderStatus.Rejected));
        closed.Reason.ShouldContain(NoShortingWords);
        Events.Fills.ShouldBeEmpty();
        (await PositionAtVenueAsync(Stock)).ShouldBe(0m);
    }

    [Fact]
    public async Task An_order_that_never_fills_is_cancelled_by_the_port_with_its_reason()
    {
        var port = await CreatePortAsync(DefaultCash);
        await SetPriceAsync(Stock, 100m);
        var bid = Order(Stock, OrderSide.Buy, 10, OrderType.Limit, limit: 90m);
        port.Submit(bid);
        await SettleAsync();
        Events.Closed.ShouldBeEmpty();

        await ExpireWorkingOrdersAsync();

        var closed = Events.Closed.ShouldHaveSingleItem();
        (closed.Order, closed.Status, closed.Reason).ShouldBe((bid, OrderStatus.Canceled, ExpiryReason));
        Events.Fills.ShouldBeEmpty();
        (await PositionAtVenueAsync(Stock)).ShouldBe(0m);
    }

    [Fact]
    public async Task Crypto_under_the_minimum_notional_is_skipped_and_never_reaches_the_venue()
    {
        var port = await CreatePortAsync(DefaultCash);
        await SetPriceAsync(Crypto, 42_000m);
        var tiny = Order(Crypto, OrderSide.Buy, 0.0002m); // $8.40
        port.Submit(tiny);
        await SettleAsync();

        var closed = Events.Closed.ShouldHaveSingleItem();
        (closed.Order, closed.Status, closed.Reason).ShouldBe((tiny, OrderStatus.Rejected, "notional 8.40 is under the crypto minimum of 10.00; order skipped"));
        Events.Accepted.ShouldBeEmpty();
        Events.Fills.ShouldBeEmpty();
        (await OrdersAtVenueAsync()).ShouldBe(0);
    }

    [Fact]
    public async Task A_second_submission_with_the_same_client_order_id_is_ignored()
    {
        var port = await CreatePortAsync(DefaultCash);
        await SetPriceAsync(Stock, 100m);
        var buy = Order(Stock, OrderSide.Buy, 10);
        port.Submit(buy);
        await SettleAsync();
        port.Submit(buy);                 // the same decision made again (a restart, a retry)
        port.Submit(buy with { Quantity = 20 }); // or even a different order under a used id
        await SettleAsync();

        Events.Accepted.ShouldBe([buy]);
        Events.Fills.ShouldHaveSingleItem().Quantity.ShouldBe(10m);
        Events.Closed.ShouldBeEmpty();
        (await OrdersAtVenueAsync()).ShouldBe(1);
        (await PositionAtVenueAsync(Stock)).ShouldBe(10m);
    }

    [Fact]
    public async Task A_bracket_entry_announces_its_exits_after_the_fill_and_the_stop_loss_ends_the_take_profit()
    {
        var port = await CreatePortAsync(DefaultCash);
        await SetPriceAsync(Stock, 100m);
        var entry = Order(Stock, OrderSide.Buy, 10) with { StopLossPercent = 5m, TakeProfitPercent = 10m, ReferencePrice = 100m };
        port.Submit(entry);
        await SettleAsync();

        // The entry, its fill, then each exit as an order of its own that names the entry as its parent.
        Events.Accepted.Count.ShouldBe(3);
        Events.Accepted[0].ShouldBe(entry);
        Events.Fills.ShouldHaveSingleItem().Price.ShouldBe(100m);
        var stop = Events.Accepted.Single(o => o.Purpose == OrderPurpose.StopLoss);
        var take = Events.Accepted.Single(o => o.Purpose == OrderPurpose.TakeProfit);
        (stop.ParentId, stop.Side, stop.Type, stop.Quantity, stop.StopPrice).ShouldBe((entry.ClientOrderId, OrderSide.Sell, OrderType.Stop, 10m, 95m));
        (take.ParentId, take.Side, take.Type, take.Quantity, take.LimitPrice).ShouldBe((entry.ClientOrderId, OrderSide.Sell, OrderType.Limit, 10m, 110m));

        await SetPriceAsync(Stock, 94m);
        await SettleAsync();
        Events.Fills.Count.ShouldBe(2);
        var fill = Events.Fills[1];
        (fill.ClientOrderId, fill.Purpose, fill.Side, fill.Quantity, fill.Price).ShouldBe((stop.ClientOrderId, OrderPurpose.StopLoss, OrderSide.Sell, 10m, 94m));
        Events.Closed.ShouldHaveSingleItem().ShouldBe((take, OrderStatus.Canceled, "one-cancels-other: StopLoss filled"));
        (await PositionAtVenueAsync(Stock)).ShouldBe(0m);
        // The exit engine names the exits after their entry, whatever ids the venue gives a bracket's legs.
        stop.ClientOrderId.ShouldBe(ExitRules.ExitId(entry.ClientOrderId, OrderPurpose.StopLoss));
        take.ClientOrderId.ShouldBe(ExitRules.ExitId(entry.ClientOrderId, OrderPurpose.TakeProfit));
    }

    [Fact]
    public async Task A_take_profit_reached_fills_at_its_limit_and_ends_the_stop_loss()
    {
        var port = await CreatePortAsync(DefaultCash);
        await SetPriceAsync(Stock, 100m);
        var entry = Order(Stock, OrderSide.Buy, 10) with { StopLossPercent = 5m, TakeProfitPercent = 10m, ReferencePrice = 100m };
        port.Submit(entry);
        await SettleAsync();
        var stop = Events.Accepted.Single(o => o.Purpose == OrderPurpose.StopLoss);
        var take = Events.Accepted.Single(o => o.Purpose == OrderPurpose.TakeProfit);

        await SetPriceAsync(Stock, 109.99m);
        await SettleAsync();
        Events.Fills.Count.ShouldBe(1, "109.99 is under the 110 limit");

        await SetPriceAsync(Stock, 110m);
        await SettleAsync();
        Events.Fills.Count.ShouldBe(2);
        var fill = Events.Fills[1];
        (fill.ClientOrderId, fill.Purpose, fill.Quantity, fill.Price).ShouldBe((take.ClientOrderId, OrderPurpose.TakeProfit, 10m, 110m));
        Events.Closed.ShouldHaveSingleItem().ShouldBe((stop, OrderStatus.Canceled, "one-cancels-other: TakeProfit filled"));
        (await PositionAtVenueAsync(Stock)).ShouldBe(0m);
    }

    [Fact]
    public async Task A_trailing_stop_follows_the_high_since_the_entry_and_sells_when_the_price_falls_its_percent_under_it()
    {
        var port = await CreatePortAsync(DefaultCash);
        await SetPriceAsync(Stock, 100m);
        var entry = Order(Stock, OrderSide.Buy, 10) with { TrailingStopPercent = 2m, ReferencePrice = 100m };
        port.Submit(entry);
        await SettleAsync();
        await SettleAsync();
        var trailing = Events.Accepted.Single(o => o.Purpose == OrderPurpose.TrailingStop);
        (trailing.ClientOrderId, trailing.ParentId, trailing.Side, trailing.Quantity)
            .ShouldBe((ExitRules.ExitId(entry.ClientOrderId, OrderPurpose.TrailingStop), entry.ClientOrderId, OrderSide.Sell, 10m));

        // 98 would have stopped it from the entry's 100; after a high of 110 the stop is 107.80.
        await SetPriceAsync(Stock, 110m);
        await SettleAsync();
        await SetPriceAsync(Stock, 108m);
        await SettleAsync();
        Events.Fills.Count.ShouldBe(1, "108 is above the 107.80 stop");

        await SetPriceAsync(Stock, 107m);
        await SettleAsync();
        Events.Fills.Count.ShouldBe(2);
        var fill = Events.Fills[1];
        (fill.ClientOrderId, fill.Side, fill.Quantity, fill.Price).ShouldBe((trailing.ClientOrderId, OrderSide.Sell, 10m, 107m));
        (await PositionAtVenueAsync(Stock)).ShouldBe(0m);
    }

    // ----- helpers -----

    protected static OrderRequest Order(Symbol symbol, OrderSide side, decimal quantity, OrderType type = OrderType.Market, decimal? limit = null) => new()
    {
        ClientOrderId = $"contract-{Interlocked.Increment(ref _sequence)}",
        Strategy = "contract",
        Symbol = symbol,
        Side = side,
        Quantity = quantity,
        Type = type,
        LimitPrice = limit,
        Purpose = side == OrderSide.Buy ? OrderPurpose.Entry : OrderPurpose.Exit,
        CreatedAt = SessionOpen,
        Reason = "contract test",
    };

    /// <summary>Keeps what a port reports, in order; optionally passes fills on (e.g. to the ledger a simulated broker reads).</summary>
    protected sealed class PortEvents : IExecutionListener
    {
        public List<OrderRequest> Accepted { get; } = [];
        public List<Fill> Fills { get; } = [];
        public List<(OrderRequest Order, OrderStatus Status, string Reason)> Closed { get; } = [];
        public Action<Fill>? OnEachFill { get; set; }

        public void OnOrderAccepted(OrderRequest order, DateTime time) => Accepted.Add(order);

        public void OnFill(in Fill fill)
        {
            Fills.Add(fill);
            OnEachFill?.Invoke(fill);
        }

        public void OnOrderClosed(OrderRequest order, OrderStatus status, string reason, DateTime time) => Closed.Add((order, status, reason));
    }
}
