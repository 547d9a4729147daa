using Keel.Alpaca.Execution;
using Keel.Core.Domain;
using Keel.Core.Kernel;
using Keel.Core.Risk;
using Keel.Core.Strategies;
using Keel.Core.Trading;
using Microsoft.Extensions.Time.Testing;

namespace Keel.Alpaca.Tests;

/// <summary>
/// The real kernel trading through the Alpaca port against the sim: exits Alpaca or the port make are
/// learnt by the kernel (acceptance, then fill), close its position and its trade, and its ledger agrees
/// with the account to the cent, crypto fees included.
/// </summary>
public sealed class KernelOnAlpacaTests : SimTestBase
{
    private readonly FakeTimeProvider _time = new(SimHarness.MarketOpen);

    /// <summary>Buys on its first bar, then holds: the exits must do the selling.</summary>
    private sealed class BuyOnce : IStrategy
    {
        private bool _bought;
        public string Name => "buy-once";
        public int WarmUpBars => 0;

        public Signal OnBar(in Bar bar, StrategyContext context)
        {
            if (_bought) return Signal.Hold;
            _bought = true;
            return Signal.Buy(1, "first bar");
        }

        public void Reset() => _bought = false;
    }

    private (TradingKernel Kernel, AlpacaExecutionPort Port, InMemoryJournal Journal) Start(Symbol symbol, RiskConfig risk)
    {
        var port = new AlpacaExecutionPort(Client, _time);
        var journal = new InMemoryJournal();
        var kernel = new TradingKernel(new Portfolio(100_000m), port, journal, risk, TimeZoneInfo.Utc);
        kernel.AddStrategy(new BuyOnce(), symbol);
        port.Attach(kernel);
        return (kernel, port, journal);
    }

    private static async Task Round(AlpacaExecutionPort port)
    {
        await port.PollOnceAsync();
        port.DispatchEvents();
    }

    private static Bar BarAt(double close) => new(SimHarness.MarketOpen.UtcDateTime, close, close, close, close, 1000);

    [Fact]
    public async Task An_Alpaca_bracket_stop_closes_the_kernels_position_and_trade()
    {
        var aapl = Symbol.Parse("AAPL");
        var (kernel, port, journal) = Start(aapl, new RiskConfig
        {
            Sizing = new Sizing(SizingMethod.FixedQuantity, 10), StopLossPercent = 5, TakeProfitPercent = 10,
        });
        kernel.OnBar(aapl, BarAt(100), new Quote(aapl, SimHarness.MarketOpen.UtcDateTime, 100.00m, 100, 100.02m, 100));
        await Round(port);
        kernel.Portfolio.PositionQuantity(aapl).ShouldBe(10m);
        journal.OrderEvents.Count(e => e.Status == OrderStatus.Accepted && e.Order.ParentId is not null).ShouldBe(2);

        H.Sim.Quotes.Set("AAPL", 94.90m, 94.92m);
        await Round(port);
        kernel.Portfolio.PositionQuantity(aapl).ShouldBe(0m);
        kernel.Slots.Single().Position.Quantity.ShouldBe(0m);
        var trade = journal.Trades.ShouldHaveSingleItem();
        (trade.EntryPrice, trade.ExitPrice, trade.Quantity).ShouldBe((100.02m, 94.90m, 10m));
        trade.ExitReason.ShouldStartWith("stop loss 5%");
        kernel.Portfolio.Cash.ShouldBe((await Client.GetAccountAsync()).Cash);
    }

    [Fact]
    public async Task A_crypto_take_profit_the_port_watched_closes_the_trade_and_the_ledger_matches_the_account()
    {
        var btc = Symbol.Parse("BTC/USD");
        var (kernel, port, journal) = Start(btc, new RiskConfig
        {
            Sizing = new Sizing(SizingMethod.FixedQuantity, 0.1m), StopLossPercent = 2, TakeProfitPercent = 3,
        });
        kernel.OnBar(btc, BarAt(42005), new Quote(btc, SimHarness.MarketOpen.UtcDateTime, 42000m, 1, 42010m, 1));
        await Round(port);
        var held = (await Client.GetPositionAsync("BTCUSD"))!.Qty;
        kernel.Portfolio.PositionQuantity(btc).ShouldBe(held); // the fee came off the coins
        kernel.Slots.Single().Position.Quantity.ShouldBe(held);

        H.Sim.Quotes.Set("BTC/USD", 43300m, 43310m);
        await Round(port);
        (await Client.GetPositionAsync("BTCUSD")).ShouldBeNull();
        kernel.Portfolio.PositionQuantity(btc).ShouldBe(0m);
        var trade = journal.Trades.ShouldHaveSingleItem();
        (trade.Quantity, trade.ExitPrice).ShouldBe((held, 43300m));
        Math.Abs(kernel.Portfolio.Cash - (await Client.GetAccountAsync()).Cash).ShouldBeLessThan(0.005m);
        journal.OrderEvents.ShouldContain(e => e.Order.Purpose == OrderPurpose.StopLoss && e.Status == OrderStatus.Canceled);
    }
}
