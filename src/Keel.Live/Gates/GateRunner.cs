using Keel.Core.Backtest;
using Keel.Core.Costs;
using Keel.Core.Domain;
using Keel.Core.Gates;
using Keel.Core.MarketData;
using Keel.Core.Persistence;
using Keel.Live.Config;
using Keel.Live.Drift;

namespace Keel.Live.Gates;

/// <summary>
/// <c>keel gate</c>: gathers the evidence — a backtest of each configured strategy over the history the
/// config's data source serves (Alpaca's costs: 0.05% slippage, crypto fee), the paper record of this
/// version from the store, and the drift replay of that paper period — evaluates the rules, and stores
/// the result for the version.
/// </summary>
public static class GateRunner
{
    public static async Task<GateResult> RunAsync(LiveSettings settings, IMarketDataProvider data, ITradingStore store, DateTime brokerNow, CancellationToken ct = default)
    {
        var gates = store as IGateStore ?? throw new InvalidOperationException("This store cannot keep gate results.");
        var thresholds = settings.Gates;
        var bars = new List<BarSeries>();
        foreach (var symbol in settings.Symbols)
        {
            var series = await data.GetBarsAsync(symbol, settings.Timeframe, brokerNow.AddDays(-thresholds.BacktestDays), brokerNow, ct).ConfigureAwait(false);
            if (series.Count > 0) bars.Add(series);
        }
        if (bars.Count == 0) throw new InvalidOperationException($"The data source served no {settings.Timeframe} bars for {string.Join(", ", settings.Symbols)} in the last {thresholds.BacktestDays} days.");
        var backtest = new BacktestSettings
        {
            StartingCash = 100_000m,
            FillModel = FillModel.Close,
            Broker = BrokerModel.Alpaca(cryptoMinimumNotional: settings.CryptoMinimumNotional),
            Risk = settings.Risk,
            RegularHoursOnly = true,
        };
        var evidence = BacktestEvidence.Measure(backtest, bars, settings.Strategies, thresholds);

        var version = LiveVersion.Of(settings);
        var paper = PaperRecordReader.Read(store, gates, version, settings.Risk);
        if (paper.From is { } since)
        {
            var (reached, breaches) = StopLevelCheck.Check(store.Trades().Where(t => t.EntryTime >= since), bars, settings.Risk, Keel.Core.Calendars.RegularHoursGate.Nyse(settings.Timeframe));
            paper = paper with { StopsCheckedOnBars = true, StopsReached = reached, StopBreaches = breaches };
        }
        if (paper.From is { } from && settings.Symbols.Any(s => store.Cursor(s) is not null))
        {
            // The first bar traded at that start is the newest one completed then (older ones only fed the strategies).
            var firstTraded = from - settings.Timeframe.Duration;
            firstTraded = new DateTime(firstTraded.Ticks - firstTraded.Ticks % settings.Timeframe.Duration.Ticks, DateTimeKind.Utc);
            var drift = await DriftReplay.RunAsync(settings, data, store, from: firstTraded, ct: ct).ConfigureAwait(false);
            paper = paper with { Drift = drift.Summary };
        }
        var result = GateRules.Evaluate(version, brokerNow, thresholds, evidence, paper);
        gates.RecordGateResult(result);
        return result;
    }
}
