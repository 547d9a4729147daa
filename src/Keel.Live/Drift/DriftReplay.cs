using System.Globalization;
using Keel.Core.Backtest;
using Keel.Core.Costs;
using Keel.Core.Domain;
using Keel.Core.Drift;
using Keel.Core.MarketData;
using Keel.Core.Persistence;
using Keel.Core.Research;
using Keel.Core.Strategies;
using Keel.Core.Trading;
using Keel.Live.Config;

namespace Keel.Live.Drift;

/// <summary>
/// <c>keel drift</c>: replays the bars the service processed (from its cursors, fetched again from the
/// broker's data) through the backtester with the same strategies, risk settings and starting equity,
/// and compares with what the store recorded. The replay starts from the positions paper held at the period's start, and
/// a live period is replayed under the capital stage in force. The strategies warm up on the bars before the period and
/// trade only inside it, as the service did.
/// </summary>
public static class DriftReplay
{
    /// <param name="slippage">The replay's slippage model text (as <c>--slippage</c> of a backtest); "none" by default: the sim's quote spread is what paper pays.</param>
    public static async Task<DriftReport> RunAsync(LiveSettings settings, IMarketDataProvider data, ITradingStore store,
        DateTime? from = null, DateTime? to = null, string slippage = "none", decimal tolerancePercent = 0.1m, CancellationToken ct = default)
    {
        var cursors = settings.Symbols.Select(store.Cursor).OfType<BarCursor>().ToList();
        if (cursors.Count == 0) throw new InvalidOperationException("The store has no processed bars yet: run keel paper first, then keel drift.");
        var frame = settings.Timeframe.Duration;
        var firstBar = cursors.Min(c => c.FirstBar);
        var start = from ?? FirstTradedBar(store, firstBar, frame);
        var end = to ?? cursors.Max(c => c.LastBar);
        if (end < start) throw new ArgumentException(string.Create(CultureInfo.InvariantCulture, $"--to {end:yyyy-MM-dd} is before --from {start:yyyy-MM-dd}."));

        // The service warmed up on warmUpBars before its first bar, then saw every bar since: so does the replay.
        var warmFrom = firstBar < start ? firstBar : start;
        var warmUp = TimeSpan.FromTicks(frame.Ticks * Math.Max(settings.WarmUpBars, 1) * 4) + TimeSpan.FromDays(4); // across nights and weekends
        var bars = new List<BarSeries>();
        foreach (var symbol in settings.Symbols)
        {
            var series = await data.GetBarsAsync(symbol, settings.Timeframe, warmFrom - warmUp, end + frame, ct).ConfigureAwait(false);
            var kept = series.Span.ToArray().Where(b => b.Timestamp <= end).ToArray();
            var before = kept.Count(b => b.Timestamp < warmFrom);
            kept = kept.Skip(Math.Max(0, before - settings.WarmUpBars)).ToArray();
            if (kept.Length > 0) bars.Add(new BarSeries(symbol, settings.Timeframe, kept));
        }

        var paperFills = store.Fills().Select(f => f.Fill)
            .Select(f => (Order: store.FindOrder(f.ClientOrderId)?.Order, Fill: f))
            .Where(x => x.Order is not null).Select(x => (x.Order!, x.Fill)).ToList();
        // The replay starts where paper stood at the start: the positions its earlier orders left open, and the
        // equity then (the last snapshot before the start, else that day's start-of-day equity).
        var names = settings.Strategies.Select(spec => spec.Create().Name).ToHashSet(StringComparer.Ordinal);
        var held = StartingPosition.Before(paperFills, start).Where(p => bars.Any(b => b.Symbol == p.Symbol) && names.Contains(p.Strategy))
            .Select(p => p with { Mark = LastCloseBefore(bars, p.Symbol, start) }).ToList();
        var startingEquity = EquityBefore(store, start)
            ?? store.DailyPnls().FirstOrDefault(d => d.Day >= DateOnly.FromDateTime(start))?.StartEquity
            ?? store.LatestEquity()?.Equity ?? 100_000m;
        var broker = new BrokerModel(CostModelText.ParseSlippage(slippage), new AlpacaCommission(0.25m), settings.CryptoMinimumNotional);
        var replaySettings = new BacktestSettings
        {
            StartingCash = startingEquity - held.Sum(p => p.Value),
            StartingPositions = held,
            FillModel = FillModel.Close,
            Broker = broker,
            Risk = settings.Risk,
            CloseAtEnd = false,
            RegularHoursOnly = true,
            Capital = CapitalStage(settings, store),
        };
        var strategies = settings.Strategies.Select(spec => (Func<IStrategy>)(() => new GatedStrategy(spec.Create(), start))).ToList();
        var replay = Backtester.Run(replaySettings, bars, strategies);

        var paperCurve = EquityCurve(store, start, end + frame);
        return DriftComparison.Compare(start, end, startingEquity, broker.ToString(), tolerancePercent, paperFills, replay.OrderEvents,
            paperCurve, replay.EquityCurve, replay.FinalEquity);
    }

    /// <summary>
    /// The first bar the service traded: the newest bar completed at its first start (the bars before it,
    /// caught up in the first cycle, only fed the strategies), or the first cursor without a recorded start.
    /// </summary>
    private static DateTime FirstTradedBar(ITradingStore store, DateTime firstBar, TimeSpan frame)
    {
        if (store is not IGateStore gates || gates.SessionStarts() is not { Count: > 0 } starts) return firstBar;
        var newestAtStart = starts[0].Time - frame;
        newestAtStart = new DateTime(newestAtStart.Ticks - newestAtStart.Ticks % frame.Ticks, DateTimeKind.Utc);
        return newestAtStart > firstBar ? newestAtStart : firstBar;
    }

    /// <summary>Live: the cap of the capital stage in force, as the kernel applied it; paper trades uncapped.</summary>
    private static Core.Capital.CapitalLimit? CapitalStage(LiveSettings settings, ITradingStore store) =>
        settings.Mode == TradingMode.Live && store is IGateStore gates && gates.CapitalChanges().LastOrDefault() is { } last
            ? settings.Capital.Limit(Math.Clamp(last.Stage, 1, settings.Capital.Stages.Count))
            : null;

    private static decimal? LastCloseBefore(List<BarSeries> bars, Symbol symbol, DateTime start)
    {
        var series = bars.FirstOrDefault(b => b.Symbol == symbol);
        if (series is null) return null;
        decimal? close = null;
        foreach (var bar in series.Span)
        {
            if (bar.Timestamp >= start) break;
            close = (decimal)bar.Close;
        }
        return close;
    }

    /// <summary>The equity of the last snapshot up to <paramref name="start"/> (its cycle processed the bars before it), if the store keeps the history.</summary>
    private static decimal? EquityBefore(ITradingStore store, DateTime start) =>
        store is IEquityHistory history && history.EquityHistory().LastOrDefault(e => e.Time <= start) is { } last ? last.Equity : null;

    /// <summary>The store's equity snapshots in the period (one per cycle that processed bars).</summary>
    private static List<EquityPoint> EquityCurve(ITradingStore store, DateTime from, DateTime to)
    {
        if (store is not IEquityHistory history) return store.LatestEquity() is { } last ? [new EquityPoint(last.Time, (double)last.Equity, (double)last.Cash, (double)(last.Equity - last.Cash))] : [];
        return history.EquityHistory().Where(e => e.Time >= from && e.Time <= to)
            .Select(e => new EquityPoint(e.Time, (double)e.Equity, (double)e.Cash, (double)(e.Equity - e.Cash))).ToList();
    }
}
