using System.Globalization;
using Keel.Core.Calendars;
using Keel.Core.Domain;
using Keel.Core.Persistence;
using Keel.Live.Alerts;

namespace Keel.Live;

// What the session says about itself: alerts after each cycle, its start (and whether the last run
// crashed), its clean stop, the kill switch. Everything goes to the store's outbox; nothing waits on a sink.
public sealed partial class LiveSession
{
    public AlertCenter Alerts => _alerts;

    /// <summary>Records the start; a previous run that never recorded its stop crashed (or was killed).</summary>
    private void RecordStart(DateTime brokerNow)
    {
        var previous = _store.LastServiceEvent();
        var heartbeat = _store.LastHeartbeat();
        if (previous is not null && previous.Kind != ServiceEvent.Stopped)
        {
            var lastCycle = heartbeat is null ? "no cycle recorded" : string.Create(CultureInfo.InvariantCulture, $"last cycle at {heartbeat.WallTime:yyyy-MM-dd HH:mm:ss} UTC (pid {heartbeat.ProcessId})");
            _alerts.Raise(AlertKinds.CrashRestart, AlertSeverity.Critical,
                string.Create(CultureInfo.InvariantCulture, $"restarted after a crash: the previous run (pid {previous.ProcessId}) ended without a clean stop; {lastCycle}; state restored from the store and reconciled with the broker"));
        }
        else
        {
            _alerts.Raise(AlertKinds.ServiceStarted, AlertSeverity.Info,
                string.Create(CultureInfo.InvariantCulture, $"{_settings.Mode.ToString().ToLowerInvariant()} service started (pid {Environment.ProcessId}) at broker time {brokerNow:yyyy-MM-dd HH:mm} UTC"));
        }
        _store.RecordServiceEvent(new ServiceEvent(_time.GetUtcNow().UtcDateTime, ServiceEvent.Started, Environment.ProcessId, _settings.Mode.ToString().ToLowerInvariant()));
        _rules.SeedPeak(_store.DailyPnls().Select(d => Math.Max(d.StartEquity, d.EndEquity)).DefaultIfEmpty(0m).Max());
        _rules.SeedPeak(_store.LatestEquity()?.Equity ?? 0m);
    }

    /// <summary>A clean stop (Ctrl+C, systemctl stop): recorded so <c>keel status</c> says stopped and the next start is not taken for a crash.</summary>
    public void RecordStop(string detail)
    {
        _store.RecordServiceEvent(new ServiceEvent(_time.GetUtcNow().UtcDateTime, ServiceEvent.Stopped, Environment.ProcessId, detail));
        _alerts.Raise(AlertKinds.ServiceStopped, AlertSeverity.Info, $"service stopped cleanly (pid {Environment.ProcessId}): {detail}");
    }

    /// <summary>The session could not go on (systemd restarts it); the next start will also report the restart.</summary>
    public void RecordFailure(string message) =>
        _alerts.Raise(AlertKinds.ServiceFailed, AlertSeverity.Critical, $"the trading session stopped on an error: {message}");

    /// <summary>The money rules and the stale-data rule, after every cycle.</summary>
    private void EvaluateAlertRules(DateTime now)
    {
        var kernel = Kernel;
        var portfolio = kernel.Portfolio;
        var trades = _store.Trades();
        var pnl = new Dictionary<string, decimal>(StringComparer.Ordinal);
        foreach (var name in _settings.Strategies.Select(s => s.Create().Name).Distinct()) pnl[name] = 0m;
        foreach (var trade in trades) pnl[trade.Strategy] = pnl.GetValueOrDefault(trade.Strategy) + trade.NetPnl;
        foreach (var slot in kernel.Slots)
        {
            var position = slot.Position;
            if (position.Quantity == 0) continue;
            var mark = (decimal)portfolio.LastPrice(slot.SymbolIndex);
            if (mark > 0) pnl[position.Strategy] = pnl.GetValueOrDefault(position.Strategy) + position.Quantity * (mark - position.AveragePrice);
        }
        var risk = kernel.Risk;
        _rules.Evaluate(portfolio.ExactEquity(), risk.Day, risk.StartOfDayEquity, pnl);
        EvaluateDegradation(trades);

        var session = _calendar.SessionFor(NyseCalendar.DateOf(now)) is { } s && s.Contains(now) ? s.OpenUtc : (DateTime?)null;
        foreach (var (symbol, cursor) in _cursors) _stale.Evaluate(now, symbol, cursor.LastBar, session);
    }

    /// <summary>Order problems (rejections, hung and partly filled orders) as the journal records them.</summary>
    private void OnOrderEvent(Keel.Core.Trading.OrderEvent orderEvent) => _orderAlerts.OnOrderEvent(orderEvent);

    private void Alert(string kind, string message, Symbol? symbol, string severity = "warning", string? condition = null) =>
        _alerts.Raise(kind, AlertSeverities.Parse(severity), message, symbol: symbol, condition: condition);
}
