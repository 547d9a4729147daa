using FsCheck.Xunit;
using Keel.Core.Backtest;
using Keel.Core.Costs;
using Keel.Core.Domain;
using Keel.Core.Risk;
using Keel.Core.Trading;

namespace Keel.Core.Tests.Backtest;

/// <summary>
/// Invariants of the ledger on random markets, random signals and random settings. The ledger is
/// rebuilt independently from the journal's fills and compared with the kernel's equity curve.
/// </summary>
public class BacktestPropertyTests
{
    [Property(MaxTest = 60)]
    public void Cash_plus_positions_equals_equity_on_every_bar_and_equity_moves_only_with_fills_or_prices(int seed)
    {
        var (data, result) = RandomRun(seed);
        var closes = data.Span.ToArray().ToDictionary(b => b.Timestamp, b => b.Close);
        var fills = result.OrderEvents.Where(e => e.Status == OrderStatus.Filled).ToList();
        var fillTimes = fills.Select(f => f.Time).ToHashSet();

        // Independent ledger: cash and quantity from the filled events' fills (quantity, price, commission).
        decimal cash = result.Settings.StartingCash, quantity = 0;
        var next = 0;
        EquityPoint? previous = null;
        foreach (var point in result.EquityCurve)
        {
            for (; next < fills.Count && fills[next].Time <= point.Time; next++)
            {
                var fill = fills[next].Fill ?? throw new InvalidOperationException("A Filled event without its fill.");
                var (q, price, commission) = (fill.Quantity, fill.Price, fill.Commission);
                var buy = fill.Side == OrderSide.Buy;
                cash += buy ? -(q * price) - commission : q * price - commission;
                quantity += buy ? q : -q;
            }
            var expected = (double)cash + (double)quantity * closes[point.Time];
            point.Cash.ShouldBe((double)cash, 1e-6);
            point.Equity.ShouldBe(point.Cash + point.PositionValue, 1e-9);
            point.Equity.ShouldBe(expected, 1e-6);
            if (previous is { } p && !fillTimes.Contains(point.Time) && closes[p.Time] == closes[point.Time])
                point.Equity.ShouldBe(p.Equity);
            previous = point;
        }
        ((double)result.FinalEquity).ShouldBe(result.EquityCurve[^1].Equity, 1e-6);
        result.FinalCash.ShouldBe(cash);
    }

    [Property(MaxTest = 20)]
    public void The_same_run_twice_gives_identical_output(int seed)
    {
        var (_, first) = RandomRun(seed);
        var (_, second) = RandomRun(seed);
        second.EquityCurve.ShouldBe(first.EquityCurve);
        second.Trades.ShouldBe(first.Trades);
        second.OrderEvents.Select(e => (e.Time, e.Order.ClientOrderId, e.Status, e.Reason))
            .ShouldBe(first.OrderEvents.Select(e => (e.Time, e.Order.ClientOrderId, e.Status, e.Reason)));
        second.Metrics.ShouldBe(first.Metrics);
    }

    [Property(MaxTest = 20)]
    public void Dropping_the_journal_changes_no_number(int seed)
    {
        var (data, full) = RandomRun(seed);
        var lean = Backtester.Run(full.Settings with { KeepJournal = false }, [data], [() => new ScriptedStrategy(Buys(full), Sells(full))]);
        lean.OrderEvents.ShouldBeEmpty();
        lean.Decisions.ShouldBeEmpty();
        lean.Trades.ShouldBe(full.Trades);
        lean.EquityCurve.ShouldBe(full.EquityCurve);
        lean.FinalEquity.ShouldBe(full.FinalEquity);
    }

    // The scripted signals of a run, recovered from its decisions (bar index = days since the first bar).
    private static HashSet<int> Buys(BacktestResult r) => Signals(r, Keel.Core.Strategies.SignalAction.Buy);
    private static HashSet<int> Sells(BacktestResult r) => Signals(r, Keel.Core.Strategies.SignalAction.Sell);
    private static HashSet<int> Signals(BacktestResult r, Keel.Core.Strategies.SignalAction action) =>
        r.Decisions.Where(d => d.Signal.Action == action).Select(d => (int)(d.Time - Bars.Day0).TotalDays).ToHashSet();

    private static (BarSeries, BacktestResult) RandomRun(int seed)
    {
        var random = new Random(seed);
        var bars = new Bar[120];
        var price = 50.0;
        for (var i = 0; i < bars.Length; i++)
        {
            // Some bars repeat the previous close exactly, to test "no change without a cause".
            var close = random.NextDouble() < 0.2 ? price : Math.Round(price * (1 + (random.NextDouble() - 0.5) * 0.08), 2);
            var open = Math.Round(price * (1 + (random.NextDouble() - 0.5) * 0.02), 2);
            var high = Math.Max(open, close) + Math.Round(random.NextDouble(), 2);
            var low = Math.Max(0.01, Math.Min(open, close) - Math.Round(random.NextDouble(), 2));
            bars[i] = new Bar(Bars.Day0.AddDays(i), open, high, low, close, 100);
            price = close;
        }
        var data = new BarSeries(Symbol.Parse("ACME"), Timeframe.OneDay, bars);
        var buys = Enumerable.Range(0, bars.Length).Where(_ => random.NextDouble() < 0.15).ToHashSet();
        var sells = Enumerable.Range(0, bars.Length).Where(i => !buys.Contains(i) && random.NextDouble() < 0.15).ToHashSet();
        var settings = new BacktestSettings
        {
            StartingCash = 10_000m,
            FillModel = random.Next(2) == 0 ? FillModel.NextOpen : FillModel.Close,
            CloseAtEnd = random.Next(2) == 0,
            Broker = random.Next(2) == 0 ? BrokerModel.Frictionless : new BrokerModel(new PercentSlippage(0.05m), new PercentCommission(0.1m)),
            Risk = new RiskConfig
            {
                Sizing = random.Next(2) == 0 ? Sizing.Parse("percent:90") : Sizing.Parse("fixed:50"),
                StopLossPercent = random.Next(2) == 0 ? 3 : null,
                TakeProfitPercent = random.Next(2) == 0 ? 4 : null,
                TrailingStopPercent = random.Next(3) == 0 ? 5 : null,
            },
        };
        return (data, Backtester.Run(settings, [data], [() => new ScriptedStrategy(buys, sells)]));
    }
}
