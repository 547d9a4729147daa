using System.Net;
using Keel.Alpaca.Models;
using Keel.AlpacaSim.Faults;

namespace Keel.Alpaca.Tests;

/// <summary>PATCH /v2/orders/{id} (replace) and cancels that pass through pending_cancel, over HTTP.</summary>
public sealed class ReplaceAndCancelTests : SimTestBase
{
    private static AlpacaNewOrder LimitBuy(decimal limit, decimal qty = 1, string? clientOrderId = null) => new()
    {
        Symbol = "AAPL", Qty = qty, Side = AlpacaOrderSide.Buy, Type = AlpacaOrderType.Limit, LimitPrice = limit, ClientOrderId = clientOrderId,
    };

    [Fact]
    public async Task Replace_makes_a_new_order_that_replaces_the_old_one()
    {
        var old = await Client.SubmitOrderAsync(LimitBuy(90m, clientOrderId: "rep-1"));
        var replacement = await Client.ReplaceOrderAsync(old.Id, new AlpacaReplaceOrder { Qty = 2, LimitPrice = 95m, ClientOrderId = "rep-2" });

        replacement.Id.ShouldNotBe(old.Id);
        (replacement.ClientOrderId, replacement.Replaces, replacement.Qty, replacement.LimitPrice, replacement.Status)
            .ShouldBe(("rep-2", old.Id, 2m, 95m, AlpacaOrderStatus.New));
        (replacement.Symbol, replacement.Side, replacement.Type, replacement.TimeInForce)
            .ShouldBe((old.Symbol, old.Side, old.Type, old.TimeInForce));
        var before = await Client.GetOrderAsync(old.Id);
        (before.Status, before.ReplacedBy).ShouldBe((AlpacaOrderStatus.Replaced, replacement.Id));
        before.ReplacedAt.ShouldNotBeNull();
        H.RequestCount("PATCH", "/v2/orders/").ShouldBe(1);

        // Made marketable, the replacement fills at the ask.
        var filled = await Client.ReplaceOrderAsync(replacement.Id, new AlpacaReplaceOrder { LimitPrice = 100.05m });
        (filled.Status, filled.FilledQty, filled.FilledAvgPrice).ShouldBe((AlpacaOrderStatus.Filled, 2m, 100.02m));
        filled.ClientOrderId.ShouldNotBe("rep-2"); // Alpaca makes one up when none is given
    }

    [Fact]
    public async Task Replace_refuses_final_and_unknown_orders_and_used_client_order_ids()
    {
        var working = await Client.SubmitOrderAsync(LimitBuy(90m, clientOrderId: "used"));
        var duplicate = await Should.ThrowAsync<AlpacaApiException>(() =>
            Client.ReplaceOrderAsync(working.Id, new AlpacaReplaceOrder { LimitPrice = 91m, ClientOrderId = "used" }));
        duplicate.IsDuplicateClientOrderId.ShouldBeTrue();

        var filled = await Client.SubmitOrderAsync(LimitBuy(101m));
        var notOpen = await Should.ThrowAsync<AlpacaApiException>(() => Client.ReplaceOrderAsync(filled.Id, new AlpacaReplaceOrder { LimitPrice = 99m }));
        ((int)notOpen.HttpStatus, notOpen.ApiMessage).ShouldBe((422, "order is not open"));

        var subPenny = await Should.ThrowAsync<AlpacaApiException>(() => Client.ReplaceOrderAsync(working.Id, new AlpacaReplaceOrder { LimitPrice = 90.001m }));
        ((int)subPenny.HttpStatus).ShouldBe(422);
        (await Client.GetOrderAsync(working.Id)).Status.ShouldBe(AlpacaOrderStatus.New); // a refused replace leaves it working

        var unknown = await Should.ThrowAsync<AlpacaApiException>(() => Client.ReplaceOrderAsync(Guid.NewGuid().ToString(), new AlpacaReplaceOrder { Qty = 1 }));
        unknown.HttpStatus.ShouldBe(HttpStatusCode.NotFound);
    }

    [Fact]
    public async Task A_bracket_stop_moved_by_replace_takes_the_legs_place()
    {
        var entry = await Client.SubmitOrderAsync(new AlpacaNewOrder
        {
            Symbol = "AAPL", Qty = 10, Side = AlpacaOrderSide.Buy, OrderClass = AlpacaOrderClass.Bracket, TimeInForce = AlpacaTimeInForce.Gtc,
            TakeProfit = new AlpacaTakeProfit { LimitPrice = 110m }, StopLoss = new AlpacaStopLoss { StopPrice = 95m },
        });
        var stop = entry.Legs!.Single(l => l.Type == AlpacaOrderType.Stop);
        var moved = await Client.ReplaceOrderAsync(stop.Id, new AlpacaReplaceOrder { StopPrice = 98m });
        (moved.StopPrice, moved.Replaces, moved.Status).ShouldBe((98m, stop.Id, AlpacaOrderStatus.New));

        H.Sim.Quotes.Set("AAPL", 97.90m, 97.92m);
        var legs = (await Client.GetOrderAsync(entry.Id, nested: true)).Legs!;
        legs.Select(l => l.Id).ShouldBe([legs[0].Id, moved.Id]);
        var filledStop = legs.Single(l => l.Id == moved.Id);
        (filledStop.Status, filledStop.FilledAvgPrice).ShouldBe((AlpacaOrderStatus.Filled, 97.90m));
        legs.Single(l => l.Type == AlpacaOrderType.Limit).Status.ShouldBe(AlpacaOrderStatus.Canceled);
        (await Client.GetPositionAsync("AAPL")).ShouldBeNull();
    }

    [Fact]
    public async Task With_a_cancel_delay_a_cancel_waits_in_pending_cancel_then_ends_canceled()
    {
        H.Sim.Faults.Set(new FaultSettings { CancelDelaySeconds = 30 });
        var order = await Client.SubmitOrderAsync(LimitBuy(90m));
        await Client.CancelOrderAsync(order.Id);
        (await Client.GetOrderAsync(order.Id)).Status.ShouldBe(AlpacaOrderStatus.PendingCancel);
        await Client.CancelOrderAsync(order.Id); // asking again is harmless
        (await Should.ThrowAsync<AlpacaApiException>(() => Client.ReplaceOrderAsync(order.Id, new AlpacaReplaceOrder { LimitPrice = 91m })))
            .ApiMessage.ShouldBe("order is not open");

        H.Sim.Clock.Advance(TimeSpan.FromSeconds(29));
        (await Client.GetOrderAsync(order.Id)).Status.ShouldBe(AlpacaOrderStatus.PendingCancel);
        (await Client.ListOrdersPageAsync(new AlpacaOrderQuery { Status = "open" })).ShouldHaveSingleItem();

        H.Sim.Clock.Advance(TimeSpan.FromSeconds(1));
        var canceled = await Client.GetOrderAsync(order.Id);
        canceled.Status.ShouldBe(AlpacaOrderStatus.Canceled);
        canceled.CanceledAt.ShouldBe(SimHarness.MarketOpen.AddSeconds(30));
    }

    [Fact]
    public async Task An_order_pending_cancel_can_still_fill()
    {
        H.Sim.Faults.Set(new FaultSettings { CancelDelaySeconds = 30 });
        var order = await Client.SubmitOrderAsync(LimitBuy(90m, qty: 5));
        await Client.CancelOrderAsync(order.Id);
        H.Sim.Quotes.Set("AAPL", 89.90m, 89.95m);
        H.Sim.Clock.Advance(TimeSpan.FromSeconds(5));
        var filled = await Client.GetOrderAsync(order.Id);
        (filled.Status, filled.FilledQty).ShouldBe((AlpacaOrderStatus.Filled, 5m));
        H.Sim.Clock.Advance(TimeSpan.FromMinutes(1));
        (await Client.GetOrderAsync(order.Id)).Status.ShouldBe(AlpacaOrderStatus.Filled);
    }
}
