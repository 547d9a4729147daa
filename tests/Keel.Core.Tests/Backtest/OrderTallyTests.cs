using Keel.Core.Backtest;
using Keel.Core.Costs;
using Keel.Core.Risk;
using Keel.Core.Trading;

namespace Keel.Core.Tests.Backtest;

/// <summary>Every refused or resized order is counted by reason in the result, journal kept or not.</summary>
public class OrderTallyTests
{
    [Fact]
    public void An_entry_cash_cannot_pay_at_the_next_open_is_counted_as_refused_for_insufficient_cash()
    {
        // percent:100 sizes at the close of 100; the next open is 101: the buy costs more than the cash.
        var data = Bars.Daily("SPY", Bars.At(100), (101, 101, 101, 101), Bars.At(101), Bars.At(101));
        var settings = new BacktestSettings { Risk = new RiskConfig { Sizing = new Sizing(SizingMethod.PercentOfEquity, 100) } };
        foreach (var keepJournal in new[] { true, false })
        {
            var result = Backtester.Run(settings with { KeepJournal = keepJournal }, [data], [() => new ScriptedStrategy([0], [])]);
            result.Trades.Count.ShouldBe(0);
            result.OrderTally.Rejected.ShouldBe(1);
            result.OrderTally.RejectedByReason.ShouldBe(new Dictionary<string, int> { [OrderReasons.InsufficientCash] = 1 });
            ResultWarnings.For(result).ShouldContain(w => w.Contains("1 order was refused (insufficient_cash 1)"));
        }
    }

    [Fact]
    public void Limits_that_cut_or_refuse_an_entry_are_counted_by_reason()
    {
        var data = Bars.Daily("SPY", Bars.At(100), Bars.At(100), Bars.At(100), Bars.At(100), Bars.At(100), Bars.At(100));
        var settings = new BacktestSettings
        {
            Risk = new RiskConfig { Sizing = new Sizing(SizingMethod.FixedQuantity, 50), MaxNotionalPerOrder = 2_000m, MaxOpenPositions = 1 },
        };
        // Two strategies on one symbol: the first entry is cut by the notional cap, the second refused by max positions.
        var result = Backtester.Run(settings, [data], [() => new ScriptedStrategy([0], [4], "a"), () => new ScriptedStrategy([0], [4], "b")]);
        result.OrderTally.Resized.ShouldBe(1);
        result.OrderTally.ResizedByReason.ShouldBe(new Dictionary<string, int> { [OrderReasons.MaxNotional] = 1 });
        result.OrderTally.RejectedByReason.ShouldBe(new Dictionary<string, int> { [OrderReasons.MaxOpenPositions] = 1 });
        result.OrderEvents.Count(e => e.Status == OrderStatus.RefusedByRisk).ShouldBe(1);
        result.Trades.Single().Quantity.ShouldBe(20m);
    }

    [Fact]
    public void Crypto_under_the_minimum_notional_is_counted()
    {
        var data = Bars.Daily("BTC/USD", Bars.At(100), Bars.At(100), Bars.At(100));
        var settings = new BacktestSettings
        {
            Risk = new RiskConfig { Sizing = new Sizing(SizingMethod.FixedQuantity, 0.05m) },
            Broker = BrokerModel.Frictionless with { CryptoMinimumNotional = 10m },
        };
        var result = Backtester.Run(settings, [data], [() => new ScriptedStrategy([0], [])]);
        result.OrderTally.RejectedByReason.ShouldBe(new Dictionary<string, int> { [OrderReasons.CryptoMinimum] = 1 });
    }
}
