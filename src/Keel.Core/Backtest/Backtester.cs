using Keel.Core.Domain;
using Keel.Core.Kernel;
using Keel.Core.Metrics;
using Keel.Core.Strategies;
using Keel.Core.Trading;

namespace Keel.Core.Backtest;

/// <summary>
/// Wires the kernel to bars from memory and the simulated broker, and replays time. For each
/// timestamp (all series merged), each symbol's bar goes first to the broker (fills of orders decided
/// earlier), then to the kernel (mark to market, strategies, new orders); then equity is recorded.
/// </summary>
public static class Backtester
{
    public static BacktestResult Run(BacktestSettings settings, IReadOnlyList<BarSeries> data, IReadOnlyList<IStrategySpec> strategies) =>
        Run(settings, data, strategies.Select(s => (Func<IStrategy>)s.Create).ToList());

    /// <summary>Runs every strategy on every series; each (strategy, series) gets its own new instance.</summary>
    public static BacktestResult Run(BacktestSettings settings, IReadOnlyList<BarSeries> data, IReadOnlyList<Func<IStrategy>> strategyFactories) =>
        Run(settings, data, strategyFactories.Select(f => (Func<BarSeries, IStrategy>)(_ => f())).ToList());

    /// <summary>
    /// Runs every strategy on every series; each (strategy, series) gets its own new instance, made for
    /// that series (a sweep's factories give it the series' shared indicators).
    /// </summary>
    public static BacktestResult Run(BacktestSettings settings, IReadOnlyList<BarSeries> data, IReadOnlyList<Func<BarSeries, IStrategy>> strategyFactories)
    {
        if (data.Count == 0) throw new ArgumentException("A backtest needs at least one bar series.");
        if (strategyFactories.Count == 0) throw new ArgumentException("A backtest needs at least one strategy.");

        var portfolio = new Portfolio(settings.StartingCash);
        using var broker = new SimulatedBroker(settings.Broker, settings.FillModel, portfolio);
        var journal = new InMemoryJournal(tradesOnly: !settings.KeepJournal, keepTrades: settings.KeepTrades);
        var zone = settings.TradingDayZone ?? TradingDayClock.ZoneFor(data.Select(d => d.Symbol));
        var kernel = new TradingKernel(portfolio, broker, journal, settings.Risk, zone)
        {
            OrderGate = settings.RegularHoursOnly ? Calendars.RegularHoursGate.Nyse(data[0].Timeframe) : null,
        };
        broker.Attach(kernel);
        var names = new List<string>();
        foreach (var series in data)
        {
            foreach (var factory in strategyFactories)
            {
                var strategy = factory(series);
                kernel.AddStrategy(strategy, series.Symbol);
                if (!names.Contains(strategy.Name)) names.Add(strategy.Name);
            }
        }

        var equity = new EquityRecorder((double)settings.StartingCash, settings.KeepEquityCurve, data.Max(d => d.Count) + 1);
        var from = settings.TradeFrom ?? DateTime.MinValue;
        long warmUp = 0;
        foreach (var series in data) warmUp += FastReplay.FirstAtOrAfter(series, from);
        var bars = data.Count == 1 ? FastReplay.Run(data[0], broker, kernel, equity, from) : MergedReplay.Run(data, broker, kernel, equity, from);

        var lastTime = equity.Count > 0 ? equity.Last.Time : DateTime.MinValue;
        broker.CancelAll("the backtest ended before this order could fill", lastTime);
        if (settings.CloseAtEnd && equity.Count > 0)
        {
            kernel.CloseAllPositions("end of backtest: position closed at the last close", OrderPurpose.EndOfRun);
            equity.ReplaceLast(kernel.Valuation(lastTime));
        }

        var first = data[0];
        var (assetClass, assetClassRule) = PeriodsPerYear.ClassFor(data.Select(d => d.Symbol));
        var finalEquity = portfolio.ExactEquity();
        var (curveStatistics, dailyReturns) = equity.Finish();
        var metrics = PerformanceCalculator.Compute(curveStatistics, journal.TradeStatistics, settings.StartingCash, finalEquity,
            PeriodsPerYear.For(first.Timeframe, assetClass), portfolio.TotalCommissions, portfolio.TotalSlippage);
        var open = 0m;
        foreach (var s in portfolio.Symbols) open += portfolio.PositionQuantity(s);
        return new BacktestResult
        {
            Settings = settings,
            Strategies = names,
            Symbols = data.Select(d => d.Symbol).ToList(),
            Timeframe = first.Timeframe,
            AssetClass = assetClass,
            AssetClassRule = assetClassRule,
            Bars = bars,
            WarmUpBars = warmUp,
            Metrics = metrics,
            Trades = journal.Trades,
            EquityCurve = equity.Curve,
            DailyReturns = dailyReturns,
            OrderEvents = journal.OrderEvents,
            OrderTally = kernel.Tally.Plus(broker.Tally),
            Decisions = journal.Decisions,
            FinalEquity = finalEquity,
            FinalCash = portfolio.Cash,
            OpenQuantity = open,
        };
    }
}
