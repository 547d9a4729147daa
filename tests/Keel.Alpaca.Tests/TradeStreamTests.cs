using Keel.Alpaca.Execution;
using Keel.Alpaca.Models;
using Keel.Alpaca.Streaming;
using Keel.AlpacaSim.Faults;
using Keel.Core.Domain;
using Keel.Core.Trading;
using Microsoft.Extensions.Time.Testing;

namespace Keel.Alpaca.Tests;

/// <summary>
/// The trade_updates WebSocket against the sim: handshake, one event per transition, and the execution
/// port learning of fills from it while REST polling stays the fallback. Nothing sleeps: tests wait for the
/// stream's own news, with a generous guard only against a hang.
/// </summary>
public sealed class TradeStreamTests : SimTestBase
{
    private static readonly TimeSpan Guard = TimeSpan.FromSeconds(20);
    private readonly FakeTimeProvider _time = new(SimHarness.MarketOpen);
    private readonly RecordingListener _listener = new();
    private readonly CancellationTokenSource _stop = new();

    private AlpacaTradeStream NewStream(Action<AlpacaOptions>? configure = null) => new(SimHarness.ClientOptions(H.Sim.BaseUrl, configure));

    [Fact]
    public async Task Handshake_then_one_event_per_transition_with_the_execution_on_fills()
    {
        await using var stream = NewStream();
        stream.Url.ShouldBe(new Uri(H.Sim.BaseUrl.ToString().Replace("http://", "ws://") + "stream"));
        await stream.ConnectAsync();
        stream.IsConnected.ShouldBeTrue();
        H.Sim.TradeUpdates.ListenerCount.ShouldBe(1);

        var order = await Client.SubmitOrderAsync(new AlpacaNewOrder { Symbol = "AAPL", Qty = 3, Side = AlpacaOrderSide.Buy, ClientOrderId = "stream-1" });
        var updates = new List<AlpacaTradeUpdate>();
        using var guard = new CancellationTokenSource(Guard);
        await foreach (var update in stream.ReadUpdatesAsync(guard.Token))
        {
            updates.Add(update);
            if (update.Event == "fill") break;
        }
        updates.Select(u => u.Event).ShouldBe(["new", "fill"]);
        var fill = updates[1];
        (fill.Order.Id, fill.Order.ClientOrderId, fill.Order.FilledQty, fill.Price, fill.Qty, fill.PositionQty)
            .ShouldBe((order.Id, "stream-1", 3m, 100.02m, 3m, 3m));
        fill.ExecutionId.ShouldNotBeNull();
        updates[0].Price.ShouldBeNull(); // only fills carry an execution
    }

    [Fact]
    public async Task Wrong_keys_are_refused()
    {
        await using var sim = await Keel.AlpacaSim.SimServer.StartAsync(new Keel.AlpacaSim.SimOptions
        {
            StartTime = SimHarness.MarketOpen, Speed = 0, KeyId = SimHarness.KeyId, SecretKey = SimHarness.SecretKey,
        });
        await using var wrong = new AlpacaTradeStream(SimHarness.ClientOptions(sim.BaseUrl, o => o.SecretKey = "wrong"));
        var error = await Should.ThrowAsync<AlpacaStreamException>(() => wrong.ConnectAsync());
        error.Message.ShouldContain("unauthorized");
        error.Message.ShouldNotContain("wrong");
        await using var right = new AlpacaTradeStream(SimHarness.ClientOptions(sim.BaseUrl));
        await right.ConnectAsync();
    }

    [Fact]
    public async Task The_port_learns_of_a_fill_from_the_stream_without_reading_the_order()
    {
        var port = await StreamingPortAsync();
        H.Sim.Faults.Set(new FaultSettings { HangOrders = true });
        var order = Order("AAPL", 5);
        port.Submit(order);
        await Round(port); // sent; the "new" event may come later and changes nothing
        _listener.Accepted.ShouldBe([order]);
        var reads = H.RequestCount("GET", "/v2/orders");

        H.Sim.Faults.Clear();
        H.Sim.Broker.Process(); // the sim fills when it next looks; here no request makes it look
        while (_listener.Fills.Count == 0) // the "new" event may still be on its way ahead of the fill
        {
            await WaitUntil(port, () => port.PendingStreamUpdates > 0);
            await Round(port);
        }
        var fill = _listener.Fills.ShouldHaveSingleItem();
        (fill.ClientOrderId, fill.Quantity, fill.Price).ShouldBe((order.ClientOrderId, 5m, 100.02m));
        H.RequestCount("GET", "/v2/orders").ShouldBe(reads); // from the stream, not from a read
        port.WorkingCount.ShouldBe(0);
    }

    [Fact]
    public async Task While_streaming_orders_are_still_read_every_reconcile_interval()
    {
        var port = await StreamingPortAsync();
        H.Sim.Faults.Set(new FaultSettings { HangOrders = true });
        port.Submit(Order("AAPL", 1));
        await Round(port);
        var reads = H.RequestCount("GET", "/v2/orders");
        await Round(port);
        H.RequestCount("GET", "/v2/orders").ShouldBe(reads);
        _time.Advance(new AlpacaExecutionOptions().StreamReconcileInterval);
        await Round(port);
        H.RequestCount("GET", "/v2/orders").ShouldBe(reads + 1);
    }

    [Fact]
    public async Task When_the_stream_drops_polling_takes_over()
    {
        var port = await StreamingPortAsync();
        H.Sim.Faults.Set(new FaultSettings { HangOrders = true });
        var order = Order("AAPL", 2);
        port.Submit(order);
        await Round(port);

        H.Sim.TradeUpdates.DisconnectAll();
        await WaitUntil(port, () => !port.StreamConnected);
        H.Sim.Faults.Clear();
        await Round(port); // no stream: the order is read, and its fill found
        _listener.Fills.ShouldHaveSingleItem().ClientOrderId.ShouldBe(order.ClientOrderId);
    }

    private async Task<AlpacaExecutionPort> StreamingPortAsync()
    {
        var port = new AlpacaExecutionPort(Client, _time, new AlpacaExecutionOptions { StreamReconnectDelay = TimeSpan.FromHours(1) }, NewStream());
        port.Attach(_listener);
        _ = port.RunStreamAsync(_stop.Token);
        await WaitUntil(port, () => port.StreamConnected);
        return port;
    }

    private static async Task WaitUntil(AlpacaExecutionPort port, Func<bool> condition)
    {
        using var guard = new CancellationTokenSource(Guard);
        while (true)
        {
            var activity = port.StreamActivity; // taken before the check, so news in between is not missed
            if (condition()) return;
            await activity.WaitAsync(guard.Token);
        }
    }

    private static async Task Round(AlpacaExecutionPort port)
    {
        await port.PollOnceAsync();
        port.DispatchEvents();
    }

    private static int _sequence;

    private static OrderRequest Order(string symbol, decimal quantity) => new()
    {
        ClientOrderId = $"streamed-{Interlocked.Increment(ref _sequence)}",
        Strategy = "test",
        Symbol = Symbol.Parse(symbol),
        Side = OrderSide.Buy,
        Quantity = quantity,
        Purpose = OrderPurpose.Entry,
        CreatedAt = SimHarness.MarketOpen.UtcDateTime,
        Reason = "test",
    };

    public override async Task DisposeAsync()
    {
        await _stop.CancelAsync();
        _stop.Dispose();
        await base.DisposeAsync();
    }
}
