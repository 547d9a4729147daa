using Keel.Alpaca.Execution;
using Keel.AlpacaSim.Faults;
using Keel.Core.Domain;
using Keel.Core.Trading;
using Keel.Testing;
using Microsoft.Extensions.Time.Testing;

namespace Keel.Alpaca.Tests;

/// <summary>
/// The Alpaca execution port under the execution-port contract, over real HTTP against the in-process sim
/// (clock frozen at a session open). "Settling" is two poll rounds (send or cancel, then look again); the
/// fill timeout runs on a <see cref="FakeTimeProvider"/>, so nothing waits.
/// </summary>
public sealed class AlpacaExecutionPortContractTests : ExecutionPortContract
{
    private static readonly TimeSpan FillTimeout = TimeSpan.FromMinutes(2);
    private readonly FakeTimeProvider _time = new(SimHarness.MarketOpen);
    private SimHarness? _harness;
    private AlpacaExecutionPort? _port;

    private SimHarness H => _harness ?? throw new InvalidOperationException("Create the port first.");

    protected override async Task<IExecutionPort> CreatePortAsync(decimal cash)
    {
        _harness = await SimHarness.StartAsync(sim => sim.StartingCash = cash);
        _port = new AlpacaExecutionPort(H.Client, _time, new AlpacaExecutionOptions { FillTimeout = FillTimeout, CryptoMinimumNotional = 10m });
        _port.Attach(Events);
        return _port;
    }

    protected override Task SetPriceAsync(Symbol symbol, decimal price)
    {
        H.Sim.Quotes.Set(AlpacaSymbols.ToApi(symbol), price, price);
        return Task.CompletedTask;
    }

    protected override async Task SettleAsync()
    {
        for (var round = 0; round < 2; round++)
        {
            await _port!.PollOnceAsync();
            _port.DispatchEvents();
        }
    }

    protected override async Task ExpireWorkingOrdersAsync()
    {
        _time.Advance(FillTimeout);
        await SettleAsync();
    }

    protected override string ExpiryReason => "not filled within 120 s; cancelled";

    protected override async Task<decimal> PositionAtVenueAsync(Symbol symbol) =>
        (await H.Client.GetPositionAsync(AlpacaSymbols.ToApi(symbol)))?.Qty ?? 0m;

    /// <summary>Every order submission the sim received, successful or not.</summary>
    protected override Task<int> OrdersAtVenueAsync() => Task.FromResult(H.RequestCount("POST", "/v2/orders"));

    protected override bool ChecksTheAccountAtSubmission => true;

    protected override string InsufficientCashWords => "insufficient buying power";

    protected override string NoShortingWords => "insufficient qty available for order";

    /// <summary>From now on the venue fills orders in parts (true) or whole (false).</summary>
    private Task FillInPartsAsync(bool inParts)
    {
        if (inParts) H.Sim.Faults.Set(new FaultSettings { PartialFills = new PartialFillFault { Probability = 1, Seed = 11 } });
        else H.Sim.Faults.Clear();
        return Task.CompletedTask;
    }

    /// <summary>Only this port can fill in parts: the simulated broker fills whole orders by design.</summary>
    [Fact]
    public async Task Partial_fills_are_reported_as_they_come_and_add_up_to_the_order()
    {
        var port = await CreatePortAsync(DefaultCash);
        await SetPriceAsync(Stock, 100m);
        await FillInPartsAsync(true);
        var buy = Order(Stock, OrderSide.Buy, 100);
        port.Submit(buy);
        await SettleAsync();
        Events.Fills.ShouldNotBeEmpty();
        Events.Fills.Sum(f => f.Quantity).ShouldBeLessThan(100m);

        await FillInPartsAsync(false);
        await SettleAsync();
        Events.Fills.Count.ShouldBeGreaterThanOrEqualTo(2);
        Events.Fills.ShouldAllBe(f => f.ClientOrderId == buy.ClientOrderId && f.Price == 100m);
        Events.Fills.Sum(f => f.Quantity).ShouldBe(100m);
        Events.Closed.ShouldBeEmpty();
        (await PositionAtVenueAsync(Stock)).ShouldBe(100m);
    }

    /// <summary>The contract's unfilled order is a limit away from the market; here the venue itself hangs a market order.</summary>
    [Fact]
    public async Task A_market_order_the_venue_leaves_hanging_is_cancelled_once_the_fill_timeout_has_passed()
    {
        var port = await CreatePortAsync(DefaultCash);
        await SetPriceAsync(Stock, 100m);
        H.Sim.Faults.Set(new FaultSettings { HangOrders = true });
        var buy = Order(Stock, OrderSide.Buy, 10);
        port.Submit(buy);
        await SettleAsync();
        Events.Accepted.ShouldBe([buy]);

        _time.Advance(FillTimeout - TimeSpan.FromSeconds(1));
        await SettleAsync();
        Events.Closed.ShouldBeEmpty();

        _time.Advance(TimeSpan.FromSeconds(1));
        await SettleAsync();
        Events.Closed.ShouldHaveSingleItem().ShouldBe((buy, OrderStatus.Canceled, ExpiryReason));
        Events.Fills.ShouldBeEmpty();
        H.Sim.Broker.AllOrders().ShouldHaveSingleItem().Status.ShouldBe(Models.AlpacaOrderStatus.Canceled);
    }

    public override async Task DisposeAsync()
    {
        if (_harness is not null) await _harness.DisposeAsync();
    }
}
