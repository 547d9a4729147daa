using Keel.Core.Backtest;
using Keel.Core.Costs;
using Keel.Core.Degradation;
using Keel.Core.Domain;
using Keel.Core.MarketData;
using Keel.Live.Config;

namespace Keel.Live.Degradation;

/// <summary>
/// The backtest a version's live record is held against: the configured strategies together (same parameters,
/// risk settings, regular-hours rule and Alpaca's costs as <c>keel gate</c>) over <c>gates.backtestDays</c> of the
/// bars completed before the version went live. Open positions at the end are left open: a forced close is no trade.
/// </summary>
public static class BacktestExpectationRun
{
    public static async Task<IReadOnlyList<BacktestExpectation>> RunAsync(LiveSettings settings, IMarketDataProvider data, string version,
        DateTime liveFrom, decimal startingEquity, DateTime now, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(settings);
        ArgumentNullException.ThrowIfNull(data);
        var frame = settings.Timeframe.Duration;
        var historyFrom = liveFrom.AddDays(-settings.Gates.BacktestDays);
        var bars = new List<BarSeries>();
        foreach (var symbol in settings.Symbols)
        {
            var series = await data.GetBarsAsync(symbol, settings.Timeframe, historyFrom, liveFrom, ct).ConfigureAwait(false);
            var completed = series.Span.ToArray().Where(b => b.Timestamp + frame <= liveFrom).ToArray();
            if (completed.Length > 0) bars.Add(new BarSeries(symbol, settings.Timeframe, completed));
        }
        var names = settings.Strategies.Select(s => s.Create().Name).ToList();
        if (bars.Count == 0) return BacktestExpectation.FromTrades(version, now, liveFrom, historyFrom, liveFrom, names, []);

        var backtest = new BacktestSettings
        {
            StartingCash = startingEquity > 0 ? startingEquity : 100_000m,
            FillModel = FillModel.Close,
            Broker = BrokerModel.Alpaca(cryptoMinimumNotional: settings.CryptoMinimumNotional),
            Risk = settings.Risk,
            RegularHoursOnly = true,
            CloseAtEnd = false,
            KeepJournal = false,
            KeepEquityCurve = false,
        };
        var result = Backtester.Run(backtest, bars, settings.Strategies);
        var first = bars.Min(b => b.Span[0].Timestamp);
        var last = bars.Max(b => b.Span[^1].Timestamp);
        return BacktestExpectation.FromTrades(version, now, liveFrom, first, last, names, result.Trades);
    }
}
