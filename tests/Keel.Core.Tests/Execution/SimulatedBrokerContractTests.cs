using Keel.Core.Backtest;
using Keel.Core.Costs;
using Keel.Core.Domain;
using Keel.Core.Trading;
using Keel.Testing;

namespace Keel.Core.Tests.Execution;

/// <summary>
/// The backtest's broker under the execution-port contract. Its market is a flat bar per price; "settling"
/// is the next bar (market orders fill at its open). No slippage or commission, Alpaca's $10 crypto floor.
/// </summary>
public sealed class SimulatedBrokerContractTests : ExecutionPortContract
{
    private const string EndOfRunReason = "the backtest ended before this order could fill";
    private readonly Dictionary<Symbol, decimal> _prices = [];
    private SimulatedBroker? _broker;
    private Portfolio? _ledger;
    private DateTime _time = SessionOpen;

    private SimulatedBroker Broker => _broker ?? throw new InvalidOperationException("Create the port first.");

    protected override Task<IExecutionPort> CreatePortAsync(decimal cash)
    {
        // The simulated broker reads cash and positions from the kernel's ledger, which fills update.
        var ledger = new Portfolio(cash);
        Events.OnEachFill = fill => ledger.Apply(fill);
        _ledger = ledger;
        _broker = new SimulatedBroker(new BrokerModel(NoSlippage.Instance, NoCommission.Instance, CryptoMinimumNotional: 10m), FillModel.NextOpen, ledger);
        _broker.Attach(Events);
        return Task.FromResult<IExecutionPort>(_broker);
    }

    protected override Task SetPriceAsync(Symbol symbol, decimal price)
    {
        _prices[symbol] = price;
        NextBar(symbol);
        return Task.CompletedTask;
    }

    protected override Task SettleAsync()
    {
        foreach (var symbol in _prices.Keys) NextBar(symbol);
        return Task.CompletedTask;
    }

    /// <summary>The simulated broker has no timeout: the backtest's end cancels what is still working.</summary>
    protected override Task ExpireWorkingOrdersAsync()
    {
        Broker.CancelAll(EndOfRunReason, _time);
        return Task.CompletedTask;
    }

    protected override string ExpiryReason => EndOfRunReason;

    protected override Task<decimal> PositionAtVenueAsync(Symbol symbol) => Task.FromResult(_ledger!.PositionQuantity(symbol));

    /// <summary>The broker is its own venue: every order it takes into its book is announced as accepted.</summary>
    protected override Task<int> OrdersAtVenueAsync() => Task.FromResult(Events.Accepted.Count);

    /// <summary>Cash and position are checked at the fill price, which a market order only has on the next bar.</summary>
    protected override bool ChecksTheAccountAtSubmission => false;

    protected override string InsufficientCashWords => "insufficient cash";

    protected override string NoShortingWords => "(no shorting)";

    /// <summary>The simulated broker has no volume model; the Alpaca port's tests cover fills in parts.</summary>
    [Fact]
    public async Task Fills_whole_orders_by_design()
    {
        var port = await CreatePortAsync(10_000_000m);
        await SetPriceAsync(Stock, 100m);
        port.Submit(Order(Stock, OrderSide.Buy, 50_000));
        await SettleAsync();
        Events.Fills.ShouldHaveSingleItem().Quantity.ShouldBe(50_000m);
    }

    private void NextBar(Symbol symbol)
    {
        _time = _time.AddDays(1);
        var price = (double)_prices[symbol];
        Broker.OnBar(symbol, new Bar(_time, price, price, price, price, 1_000_000));
    }
}
