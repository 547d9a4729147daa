using Keel.Core.Domain;
using Keel.Core.Indicators;
using Keel.Core.Kernel;
using Keel.Core.MarketData;
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
    /// <summary>
    /// Runs every strategy on every series. Registry strategies read their indicators from a cache, which lets the
    /// replay fast-forward through the bars they hold on; the numbers are those of updating each indicator bar by
    /// bar (<c>CachedIndicatorEqualityTests</c>, <c>StreamingBacktestTests</c>). Over a single series the cache is
    /// computed once for the whole series (<see cref="IndicatorCache"/>); several series are merged by time and
    /// their indicators computed as the merge goes (<see cref="StreamedIndicators"/>), where whole-series
    /// outputs would only cost memory (a double per bar and indicator).
    /// </summary>
    public static BacktestResult Run(BacktestSettings settings, IReadOnlyList<BarSeries> data, IReadOnlyList<IStrategySpec> strategies)
    {
        if (data.Count > 1)
        {
            return Merged(settings, data.Select(d => (IBarStream)new BarSeriesStream(d)).ToList(), strategies, data.Max(d => d.Count) + 1, readAhead: false);
        }
        var indicators = data.Count == 1 ? new IndicatorCache(data[0]) : null;
        return Run(settings, data, strategies
            .Select(s => (Func<BarSeries, IStrategy>)(_ => s is StrategySpec registered ? registered.Create(indicators) : s.Create()))
            .ToList());
    }

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
        return Execute(settings, data.Select(d => d.Symbol).ToList(), data[0].Timeframe, data.Max(d => d.Count) + 1,
            i => strategyFactories.Select(f => f(data[i])),
            (broker, kernel, equity, from) =>
            {
                if (data.Count > 1) return MergedReplay.Run(data.Select(d => (IBarStream)new BarSeriesStream(d)).ToList(), broker, kernel, equity, from);
                var warmUp = data[0].IndexAtOrAfter(from);
                return (FastReplay.Run(data[0], broker, kernel, equity, from), warmUp);
            });
    }

    /// <summary>
    /// A portfolio backtest over streams (e.g. long series read from disk a stretch at a time): merged by time,
    /// one bar per symbol in memory, so memory grows with the number of symbols, not with the bars. The same
    /// result, bar for bar, as the in-memory overloads over the same bars. The merge reads ahead on another core;
    /// registry strategies' indicators are computed a chunk of merged bars ahead of the replay
    /// (<see cref="StreamedIndicators"/>), which lets it fast-forward a symbol through bars its strategies hold on.
    /// </summary>
    public static BacktestResult RunStreaming(BacktestSettings settings, IReadOnlyList<IBarStream> streams, IReadOnlyList<IStrategySpec> strategies)
    {
        if (streams.Count == 0) throw new ArgumentException("A backtest needs at least one bar stream.");
        return Merged(settings, streams, strategies, 1 << 16, readAhead: true);
    }

    private static BacktestResult Merged(BacktestSettings settings, IReadOnlyList<IBarStream> streams, IReadOnlyList<IStrategySpec> strategies, int expectedPoints, bool readAhead)
    {
        if (strategies.Count == 0) throw new ArgumentException("A backtest needs at least one strategy.");
        var indicators = MergedReplay.IndicatorsFor(streams);
        return Execute(settings, streams.Select(d => d.Symbol).ToList(), streams[0].Timeframe, expectedPoints,
            i => strategies.Select(s => s is StrategySpec registered ? registered.Create(new IndicatorCache(indicators[i])) : s.Create()).ToList(),
            (broker, kernel, equity, from) => MergedReplay.Run(streams, broker, kernel, equity, from, readAhead,
                indicators.Select(i => i.InUse ? i : null).ToArray()));
    }

    /// <summary>
    /// A portfolio backtest over streams (as above) of strategies made by <paramref name="strategyFactories"/>, each
    /// (strategy, stream) its own new instance: replayed bar by bar (they read no cached indicators), as
    /// <see cref="Run(BacktestSettings, IReadOnlyList{BarSeries}, IReadOnlyList{Func{IStrategy}})"/> replays them.
    /// </summary>
    public static BacktestResult RunStreaming(BacktestSettings settings, IReadOnlyList<IBarStream> streams, IReadOnlyList<Func<IStrategy>> strategyFactories)
    {
        if (streams.Count == 0) throw new ArgumentException("A backtest needs at least one bar stream.");
        if (strategyFactories.Count == 0) throw new ArgumentException("A backtest needs at least one strategy.");
        var strategies = streams.Select(_ => strategyFactories.Select(f => f()).ToList()).ToList();
        // No indicators to compute ahead, but where a strategy can say it holds (the benchmark's buy and hold), each
        // stream's bars are counted ahead of the replay, so that it can fast-forward through them as over a series.
        var barsAhead = strategies.Any(made => made.Any(s => s is IFastForward)) ? MergedReplay.IndicatorsFor(streams) : null;
        return Execute(settings, streams.Select(d => d.Symbol).ToList(), streams[0].Timeframe, 1 << 16,
            i => strategies[i],
            (broker, kernel, equity, from) => MergedReplay.Run(streams, broker, kernel, equity, from, readAhead: true, barsAhead));
    }

    private delegate (long Bars, long WarmUp) Replay(SimulatedBroker broker, TradingKernel kernel, EquityRecorder equity, DateTime from);

    private static BacktestResult Execute(BacktestSettings settings, IReadOnlyList<Symbol> symbols, Timeframe timeframe, int expectedPoints,
        Func<int, IEnumerable<IStrategy>> strategiesFor, Replay replay)
    {
        var portfolio = new Portfolio(settings.StartingCash);
        using var broker = new SimulatedBroker(settings.Broker, settings.FillModel, portfolio)
        {
            StockSession = settings.RegularHoursOnly && timeframe.Duration < TimeSpan.FromDays(1) ? Calendars.NyseCalendar.InRegularSession : null,
        };
        var journal = new InMemoryJournal(tradesOnly: !settings.KeepJournal, keepTrades: settings.KeepTrades);
        var zone = settings.TradingDayZone ?? TradingDayClock.ZoneFor(symbols);
        var kernel = new TradingKernel(portfolio, broker, journal, settings.Risk, zone)
        {
            OrderGate = settings.RegularHoursOnly ? Calendars.RegularHoursGate.Nyse(timeframe) : null,
        };
        kernel.Risk.Capital = settings.Capital;
        broker.Attach(kernel);
        var names = new List<string>();
        for (var i = 0; i < symbols.Count; i++)
        {
            foreach (var strategy in strategiesFor(i))
            {
                kernel.AddStrategy(strategy, symbols[i]);
                if (!names.Contains(strategy.Name)) names.Add(strategy.Name);
            }
        }

        foreach (var p in settings.StartingPositions)
            kernel.RestorePosition(p.Strategy, p.Symbol, p.Quantity, p.AveragePrice, p.EntryTime, entryOrderId: null, (double)(p.Mark ?? p.AveragePrice));

        // Held positions count at their mark: the equity the run starts from.
        var startingEquity = settings.StartingCash + settings.StartingPositions.Sum(p => p.Value);
        var equity = new EquityRecorder((double)startingEquity, settings.KeepEquityCurve, expectedPoints);
        var (bars, warmUp) = replay(broker, kernel, equity, settings.TradeFrom ?? DateTime.MinValue);

        var lastTime = equity.Count > 0 ? equity.Last.Time : DateTime.MinValue;
        broker.CancelAll("the backtest ended before this order could fill", lastTime);
        if (settings.CloseAtEnd && equity.Count > 0)
        {
            kernel.CloseAllPositions("end of backtest: position closed at the last close", OrderPurpose.EndOfRun);
            equity.ReplaceLast(kernel.Valuation(lastTime));
        }

        var (assetClass, assetClassRule) = PeriodsPerYear.ClassFor(symbols);
        var finalEquity = portfolio.ExactEquity();
        var (curveStatistics, dailyReturns) = equity.Finish();
        var metrics = PerformanceCalculator.Compute(curveStatistics, journal.TradeStatistics, startingEquity, finalEquity,
            PeriodsPerYear.For(timeframe, assetClass), portfolio.TotalCommissions, portfolio.TotalSlippage);
        var open = 0m;
        foreach (var s in portfolio.Symbols) open += portfolio.PositionQuantity(s);
        return new BacktestResult
        {
            Settings = settings,
            Strategies = names,
            Symbols = symbols,
            Timeframe = timeframe,
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
