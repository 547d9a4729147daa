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
        kernel.Risk.Capital = settings.Capital;
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

        foreach (var p in settings.StartingPositions)
            kernel.RestorePosition(p.Strategy, p.Symbol, p.Quantity, p.AveragePrice, p.EntryTime, entryOrderId: null, (double)(p.Mark ?? p.AveragePrice));

        // Held positions count at their mark: the equity the run starts from.
        var startingEquity = settings.StartingCash + settings.StartingPositions.Sum(p => p.Value);
        var equity = new EquityRecorder((double)startingEquity, settings.KeepEquityCurve, data.Max(d => d.Count) + 1);
        var from = settings.TradeFrom ?? DateTime.MinValue;
        long warmUp = 0;
        foreach (var series in data) warmUp += FirstAtOrAfter(series, from);
        var bars = data.Count == 1 ? ReplaySingle(data[0], broker, kernel, equity, from) : ReplayMerged(data, broker, kernel, equity, from);

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
        var metrics = PerformanceCalculator.Compute(curveStatistics, journal.TradeStatistics, startingEquity, finalEquity,
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

    /// <summary>The index of the first bar at or after <paramref name="time"/> (the count of bars before it).</summary>
    private static int FirstAtOrAfter(BarSeries series, DateTime time)
    {
        int lo = 0, hi = series.Count;
        while (lo < hi)
        {
            var mid = (lo + hi) / 2;
            if (series[mid].Timestamp < time) lo = mid + 1;
            else hi = mid;
        }
        return lo;
    }

    private static long ReplaySingle(BarSeries series, SimulatedBroker broker, TradingKernel kernel, EquityRecorder equity, DateTime from)
    {
        var symbol = series.Symbol;
        var bars = series.Span;
        var start = FirstAtOrAfter(series, from);
        for (var i = 0; i < start; i++) kernel.WarmUp(symbol, bars[i]);
        var mayBeQuiet = true;
        for (var i = start; i < bars.Length; i++)
        {
            ref readonly var bar = ref bars[i];
            broker.OnBar(symbol, bar);

            // Fast-forward through bars on which no order can fill and every strategy holds: they only move the
            // mark. Such a stretch may start at this very bar once the broker has filled what came due at its
            // open (a round trip's fill bars are mostly quiet). The last bar is always replayed in full
            // (end-of-run orders are priced from it), and so is the bar that ended a stretch.
            var quiet = mayBeQuiet && !broker.HasWorkingOrders ? kernel.QuietBarsAhead(symbol, bars.Length - 1 - i) : 0;
            if (quiet == 0)
            {
                kernel.OnBar(symbol, bar);
                equity.Record(kernel.Valuation(bar.Timestamp));
                mayBeQuiet = true;
                continue;
            }
            kernel.FastForward(symbol, quiet);
            var stretch = bars.Slice(i, quiet);
            equity.RecordQuiet(stretch, kernel.Portfolio, kernel.Portfolio.IndexOf(symbol));
            kernel.Mark(symbol, stretch[^1]);
            i += quiet - 1;
            mayBeQuiet = false;
        }
        return bars.Length - start;
    }

    /// <summary>A k-way merge by timestamp; symbols with a bar at the same time go in the order given.</summary>
    private static long ReplayMerged(IReadOnlyList<BarSeries> data, SimulatedBroker broker, TradingKernel kernel, EquityRecorder equity, DateTime from)
    {
        var next = new int[data.Count];
        long count = 0;
        while (true)
        {
            var time = DateTime.MaxValue;
            for (var s = 0; s < data.Count; s++)
            {
                if (next[s] < data[s].Count && data[s][next[s]].Timestamp < time) time = data[s][next[s]].Timestamp;
            }
            if (time == DateTime.MaxValue) return count;
            if (time < from)
            {
                for (var s = 0; s < data.Count; s++)
                {
                    if (next[s] < data[s].Count && data[s][next[s]].Timestamp == time) kernel.WarmUp(data[s].Symbol, data[s][next[s]++]);
                }
                continue;
            }
            for (var s = 0; s < data.Count; s++)
            {
                if (next[s] >= data[s].Count || data[s][next[s]].Timestamp != time) continue;
                ref readonly var bar = ref data[s][next[s]++];
                broker.OnBar(data[s].Symbol, bar);
                kernel.OnBar(data[s].Symbol, bar);
                count++;
            }
            equity.Record(kernel.Valuation(time));
        }
    }
}
