using Keel.Alpaca;
using Keel.Alpaca.Models;
using Keel.Core.Domain;
using Keel.Core.Persistence;
using Keel.Core.Trading;

namespace Keel.Live.Tests;

public sealed class KillSwitchAndReconciliationTests
{
    // Tuesday 2024-12-17, 15:00 UTC: 10:00 in New York, the market is open.
    private static readonly DateTime TuesdayMorning = new(2024, 12, 17, 15, 0, 0, DateTimeKind.Utc);

    [Fact]
    public async Task Halt_refuses_entries_flatten_closes_everything_and_resume_lifts_it()
    {
        await using var paper = await PaperHarness.StartAsync(days: 3);
        await paper.RunUntilAsync(TuesdayMorning);
        paper.Store.Positions().ShouldNotBeEmpty("something should be open to flatten");

        paper.Store.SetHalt(new HaltState(true, "test halt", paper.Now, Flatten: true));
        var haltedAt = paper.Now;
        await paper.RunUntilAsync(TuesdayMorning.AddHours(3));

        paper.Store.Positions().Where(p => p.Quantity != 0).ShouldBeEmpty();
        paper.Sim.Broker.Positions().ShouldBeEmpty();
        var fills = paper.Store.Fills().Select(f => f.Fill).Where(f => f.Time > haltedAt).ToList();
        fills.ShouldContain(f => f.Side == OrderSide.Sell, "the flatten");
        fills.ShouldNotContain(f => f.Purpose == OrderPurpose.Entry);
        paper.Store.Decisions().ShouldContain(d => d.Time > haltedAt && d.Outcome.Contains("trading halted (test halt)"));

        paper.Store.SetHalt(HaltState.Running);
        var resumedAt = paper.Now;
        await paper.RunUntilAsync(PaperData.Start.AddDays(3));
        paper.Store.Fills().Select(f => f.Fill).ShouldContain(f => f.Purpose == OrderPurpose.Entry && f.Time > resumedAt);
    }

    [Fact]
    public async Task A_position_the_store_cannot_explain_holds_that_symbol_until_store_and_broker_agree()
    {
        await using var paper = await PaperHarness.StartAsync(days: 2);
        await paper.RunUntilAsync(TuesdayMorning.AddDays(-1));

        // Someone buys SPY by hand while the service is down.
        using (var client = new AlpacaClient(new AlpacaOptions { KeyId = "k", SecretKey = "s", TradingBaseUrl = paper.Sim.BaseUrl, DataBaseUrl = paper.Sim.BaseUrl }))
        {
            var manual = await client.SubmitOrderAsync(new AlpacaNewOrder { Symbol = "SPY", Qty = 3, Side = AlpacaOrderSide.Buy, Type = AlpacaOrderType.Market, TimeInForce = AlpacaTimeInForce.Day });
            manual.Status.ShouldBe(AlpacaOrderStatus.Filled);
            await paper.RestartAsync();
            var spy = Symbol.Parse("SPY");
            paper.Session.BlockedSymbols.ShouldContainKey(spy);
            paper.Store.Alerts().ShouldContain(a => a.Kind == "reconciliation" && a.Message.Contains("SPY"));

            var blockedFrom = paper.Now;
            await paper.RunUntilAsync(blockedFrom.AddHours(5)); // to 15:00 in New York: the market is still open for the sale below
            paper.Sim.Broker.AllOrders().Where(o => o.Symbol == "SPY" && o.SubmittedAt > blockedFrom).ShouldBeEmpty();
            paper.Store.Decisions().ShouldContain(d => d.Symbol == spy && d.Outcome.Contains("held for reconciliation"));

            // The user sells the stray shares: the next cycle finds agreement and SPY trades again.
            await client.ClosePositionAsync("SPY", qty: 3);
            await paper.StepToAsync(paper.Now + PaperData.Frame.Duration);
            paper.Session.BlockedSymbols.ShouldNotContainKey(spy);
            paper.Store.Alerts().ShouldContain(a => a.Message.Contains("agree again"));
        }
    }
}

/// <summary>Crypto stops are kept by the port (Alpaca holds none for crypto): a restart must keep watching them.</summary>
public sealed class WatchedExitRestartTests
{
    [Fact]
    public async Task A_crypto_stop_loss_watched_by_the_port_still_fires_after_a_restart()
    {
        var risk = PaperHarness.DefaultRisk with { StopLossPercent = 1m, TakeProfitPercent = 50m };
        await using var paper = await PaperHarness.StartAsync(days: 2, risk);
        var btc = Symbol.Parse("BTC/USD");
        while (!paper.Store.Positions().Any(p => p.Symbol == btc && p.Quantity > 0))
        {
            paper.Now.ShouldBeLessThan(PaperData.Start.AddDays(2), "a BTC entry should happen");
            await paper.StepToAsync(paper.Now + PaperData.Frame.Duration);
        }
        var position = paper.Store.Positions().First(p => p.Symbol == btc && p.Quantity > 0);
        paper.Store.OpenOrders().ShouldContain(o => o.Order.Symbol == btc && o.Order.Purpose == OrderPurpose.StopLoss && o.Status == OrderStatus.Accepted);

        await paper.RestartAsync();
        paper.Store.Alerts().ShouldNotContain(a => a.Message.Contains("lost"));
        var crash = position.AveragePrice * 0.9m;
        paper.Sim.Quotes.Set("BTC/USD", decimal.Round(crash, 2), decimal.Round(crash, 2) + 1m);
        await paper.StepToAsync(paper.Now + PaperData.Frame.Duration);

        // The stop sold the whole position (before the strategy saw the bar, as in a backtest: it may buy again on it).
        paper.Store.Fills().Select(f => f.Fill).Where(f => f.Symbol == btc && f.Purpose == OrderPurpose.StopLoss && f.Strategy == position.Strategy)
            .Sum(f => f.Quantity).ShouldBe(position.Quantity);
    }
}
