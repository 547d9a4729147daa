using System.Globalization;
using Keel.Core.Calendars;
using Keel.Core.Domain;
using Keel.Core.Kernel;
using Keel.Core.MarketData;
using Keel.Core.Persistence;
using Keel.Core.Trading;
using Keel.Live.Alerts;
using Keel.Live.Config;
using Microsoft.Extensions.Logging;

namespace Keel.Live;

/// <summary>
/// One paper or live session: the backtester's kernel wired to a broker's market data, account and execution
/// ports (Core interfaces; Alpaca's adapters in production), with the store as its journal. <see cref="StartAsync"/> rebuilds state after any restart (store first,
/// then the broker: reconciliation, warm-up); each <see cref="RunCycleAsync"/> processes the bars that
/// completed since the last cycle, in time order, one bar time at a time: decide, send, wait for the
/// fills, then save the bar's cursor. A crash anywhere re-does at most the bar in flight, and its orders
/// keep their deterministic client order ids, so they are found at the broker instead of sent twice.
/// </summary>
public sealed partial class LiveSession
{
    private readonly LiveSettings _settings;
    private readonly IBrokerAccountPort _broker;
    private readonly IMarketDataProvider _marketData;
    private readonly ILiveExecutionPort _port;
    private readonly ITradingStore _store;
    private readonly TimeProvider _time;
    private readonly ILogger _logger;
    private readonly CrashPoints _crash;
    private readonly BrokerCalendar _calendar;
    private readonly SymbolGate _gate;
    private readonly Dictionary<Symbol, BarCursor> _cursors = [];
    private readonly AlertCenter _alerts;
    private readonly OrderAlerts _orderAlerts;
    private readonly PortfolioAlertRules _rules;
    private readonly StaleDataRule _stale;
    private TradingKernel? _kernel;
    private StoredTradingDay? _savedDay;
    private bool _haltHandled;
    private bool _cycleLogged;

    public LiveSession(LiveSettings settings, IBrokerAccountPort broker, IMarketDataProvider marketData, ILiveExecutionPort port,
        ITradingStore store, TimeProvider time, ILogger logger, CrashPoints? crash = null, AlertCenter? alerts = null)
    {
        _settings = settings;
        _broker = broker;
        _marketData = marketData;
        _port = port;
        _store = store;
        _time = time;
        _logger = logger;
        _crash = crash ?? CrashPoints.None;
        _calendar = new BrokerCalendar(broker);
        _gate = new SymbolGate(new RegularHoursGate(_calendar.SessionFor, settings.Timeframe));
        _alerts = alerts ?? new AlertCenter(store, settings.Alerts.Sinks, time, logger);
        _orderAlerts = new OrderAlerts(_alerts, store);
        _rules = new PortfolioAlertRules(_alerts, settings.Alerts);
        _stale = new StaleDataRule(_alerts, settings.Timeframe, settings.Alerts.Stale);
    }

    public TradingKernel Kernel => _kernel ?? throw new InvalidOperationException("Start the session first.");

    /// <summary>Symbols held back because the store and the broker disagree, with why.</summary>
    public IReadOnlyDictionary<Symbol, string> BlockedSymbols => _gate.Blocked;

    /// <summary>The trading day's zone: New York when any symbol is an equity, UTC for crypto only (as in a backtest).</summary>
    private TimeZoneInfo DayZone => TradingDayClock.ZoneFor(_settings.Symbols);

    public async Task StartAsync(CancellationToken ct)
    {
        var now = await _broker.NowAsync(ct).ConfigureAwait(false);
        var account = await _broker.AccountAsync(ct).ConfigureAwait(false);
        if (account.Cash <= 0)
            throw new InvalidOperationException(string.Create(CultureInfo.InvariantCulture, $"The broker account has no cash ({account.Cash}); fund it or reset the paper account."));
        var today = NyseCalendar.DateOf(now);
        await _calendar.EnsureAsync(today.AddDays(-10), today.AddDays(10), ct).ConfigureAwait(false);

        var journal = new ServiceJournal(_store, _logger, _crash, _time, OnOrderEvent);
        _kernel = new TradingKernel(new Portfolio(account.Cash), _port, journal, _settings.Risk, DayZone)
        {
            OrderGate = _gate,
            // A strategy's bug disables that strategy (its position is left as it is) and raises an alert; the others trade on.
            OnStrategyFailure = failure => Alert("strategy-failed", failure.Message + "; the strategy is disabled until the service restarts", failure.Symbol, "critical"),
        };
        _port.Attach(_kernel);
        foreach (var symbol in _settings.Symbols)
        {
            foreach (var spec in _settings.Strategies) _kernel.AddStrategy(spec.Create(), symbol);
        }

        var brokerPositions = await _broker.PositionsAsync(ct).ConfigureAwait(false);
        RestorePositions(brokerPositions);
        await ReconcileOrdersAsync(now, ct).ConfigureAwait(false);
        await ComparePositionsAsync(now, ct).ConfigureAwait(false);
        RestoreTradingDay(now);
        await WarmUpAsync(now, ct).ConfigureAwait(false);
        ApplyHaltSwitch();
        RecordStart(now);
        RecordStartAndCapital(now);
        LogStarted(_logger, _settings.Mode, _settings.StoreDescription, _kernel.Slots.Count, _store.Positions().Count, _gate.Blocked.Count);
    }

    /// <summary>
    /// One round: the kill switch, then every bar completed since the last round in time order (each
    /// symbol's newest bar is decided on, with the latest quote; older ones, missed while down, only feed
    /// the strategies), orders settled after each bar time, snapshots and the heartbeat. Returns how many
    /// bars were processed.
    /// </summary>
    public async Task<int> RunCycleAsync(CancellationToken ct)
    {
        var kernel = Kernel;
        var now = await _broker.NowAsync(ct).ConfigureAwait(false);
        await HandleHaltAsync(ct).ConfigureAwait(false);
        RefreshCapital();
        if (_gate.Blocked.Count > 0) await ComparePositionsAsync(now, ct).ConfigureAwait(false);

        var newBars = await NewBarsAsync(now, ct).ConfigureAwait(false);
        var quotes = await LatestQuotesAsync(newBars, ct).ConfigureAwait(false);
        // The broker acts on the new prices before the strategies see the bars, as the simulated broker
        // does in a backtest: an exit the last bar reached is sold before a strategy's own sell signal.
        foreach (var (symbol, bars) in newBars)
        {
            foreach (var bar in bars) _port.OnBar(symbol, bar);
        }
        if (newBars.Count > 0) await PumpAsync(ct).ConfigureAwait(false);
        var processed = 0;
        foreach (var group in newBars.SelectMany(s => s.Bars.Select((bar, i) => (s.Symbol, Bar: bar, Newest: i == s.Bars.Count - 1)))
                     .GroupBy(x => x.Bar.Timestamp).OrderBy(g => g.Key))
        {
            foreach (var (symbol, bar, newest) in group)
            {
                // Only a symbol's newest bar is traded: older ones were missed while the service was down or
                // slow, and an order decided on them would fill at today's price. They still feed the strategies.
                if (newest) kernel.OnBar(symbol, bar, quotes.GetValueOrDefault(symbol));
                else kernel.WarmUp(symbol, bar, slot => slot.Position.Quantity);
                processed++;
            }
            await SettleAsync(ct).ConfigureAwait(false);
            SaveTradingDay();
            _crash.Reach(CrashPoints.BeforeCursorSaved);
            foreach (var (symbol, bar, _) in group) SaveCursor(symbol, bar.Timestamp);
        }
        if (processed == 0) await PumpAsync(ct).ConfigureAwait(false);

        if (processed > 0) await SnapshotAsync(now, ct).ConfigureAwait(false);
        EvaluateAlertRules(now);
        await SendDueReportsAsync(now, ct).ConfigureAwait(false);
        await WatchAgainstBacktestAsync(now, ct).ConfigureAwait(false);
        _store.SaveHeartbeat(new Heartbeat(now, _time.GetUtcNow().UtcDateTime, _settings.Mode.ToString().ToLowerInvariant(), Environment.ProcessId));
        if (processed > 0 || !_cycleLogged) LogCycle(_logger, now, processed, _port.WorkingCount);
        _cycleLogged = true;
        return processed;
    }

    /// <summary>Polls the broker until no order of this session is working, or the settle time is up (they stay watched).</summary>
    private async Task SettleAsync(CancellationToken ct)
    {
        var deadline = _time.GetUtcNow() + _settings.SettleTimeout;
        while (true)
        {
            await PumpAsync(ct).ConfigureAwait(false);
            if (_port.WorkingCount == 0 || _time.GetUtcNow() >= deadline) return;
            // Alpaca allows about 200 requests a minute: poll a working order at most once a second.
            await Task.Delay(_settings.PollInterval < TimeSpan.FromSeconds(1) ? _settings.PollInterval : TimeSpan.FromSeconds(1), _time, ct).ConfigureAwait(false);
        }
    }

    private async Task PumpAsync(CancellationToken ct)
    {
        await _port.PollOnceAsync(ct).ConfigureAwait(false);
        _port.DispatchEvents();
    }

    private void SaveCursor(Symbol symbol, DateTime barTime)
    {
        var first = _cursors.TryGetValue(symbol, out var known) ? known.FirstBar : barTime;
        var cursor = new BarCursor(symbol, _settings.Timeframe.ToString(), first, barTime);
        _store.SaveCursor(cursor);
        _cursors[symbol] = cursor;
    }

    /// <summary>One line per cycle that processed bars (and the first after a start): the broker's time, so a reader knows how far the session is.</summary>
    [LoggerMessage(Level = LogLevel.Information, Message = "cycle {BrokerTime:O}: {Bars} bars, {Working} orders working")]
    private static partial void LogCycle(ILogger logger, DateTime brokerTime, int bars, int working);

    [LoggerMessage(Level = LogLevel.Information, Message = "session started: {Mode}, store {Store}, {Slots} strategy slots, {Positions} open positions restored, {Blocked} symbols held for reconciliation")]
    private static partial void LogStarted(ILogger logger, TradingMode mode, string store, int slots, int positions, int blocked);
}
