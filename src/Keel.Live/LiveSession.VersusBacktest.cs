using System.Globalization;
using Keel.Core.Degradation;
using Keel.Core.Persistence;
using Keel.Core.Trading;
using Keel.Live.Alerts;
using Keel.Live.Degradation;
using Keel.Live.Drift;
using Keel.Live.Gates;
using Microsoft.Extensions.Logging;

namespace Keel.Live;

// Live held against the backtest: the version's backtest expectation, recorded once when it first runs (from the
// history before its first start) and read back on every later start; the degradation rule on it after each cycle;
// and, after each trading day's close (and its daily report), the nightly drift replay, stored and alerted on.
// None of it may stop trading: a failure is logged (and, for the expectation, tried again the next day).
public sealed partial class LiveSession
{
    private IReadOnlyList<BacktestExpectation>? _expectations;
    private DateOnly? _expectationTried;
    private string? _driftNight;
    private DegradationRule? _degradation;

    /// <summary>The backtest expectation the live record is held against (null until recorded).</summary>
    public IReadOnlyList<BacktestExpectation>? Expectations => _expectations;

    private async Task WatchAgainstBacktestAsync(DateTime now, CancellationToken ct)
    {
        await EnsureExpectationsAsync(now, ct).ConfigureAwait(false);
        await RunNightlyDriftAsync(now, ct).ConfigureAwait(false);
    }

    private async Task EnsureExpectationsAsync(DateTime now, CancellationToken ct)
    {
        if (_expectations is not null || _store is not IDegradationStore store || _store is not IGateStore gates) return;
        var today = DateOnly.FromDateTime(now);
        if (_expectationTried == today) return;
        _expectationTried = today;
        var version = LiveVersion.Of(_settings);
        if (store.Expectations(version) is { Count: > 0 } stored)
        {
            _expectations = stored;
            return;
        }
        var liveFrom = gates.SessionStarts().FirstOrDefault(s => s.Version == version)?.Time ?? now;
        try
        {
            var expectations = await BacktestExpectationRun.RunAsync(_settings, _marketData, version, liveFrom, Kernel.Portfolio.ExactEquity(),
                _time.GetUtcNow().UtcDateTime, ct).ConfigureAwait(false);
            store.RecordExpectations(expectations);
            _expectations = expectations;
            foreach (var e in expectations) LogExpectation(_logger, e.Strategy, e.Trades, e.HistoryFrom, e.HistoryTo);
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            // The yardstick is not worth a trading cycle: without it the degradation rule waits, and tomorrow tries again.
            LogExpectationFailed(_logger, ex.Message);
            _alerts.Raise(AlertKinds.Degradation, AlertSeverity.Warning,
                $"no backtest expectation for this version yet (the degradation alert is off until there is one; tried again tomorrow): {ex.Message}",
                condition: "degradation:expectation");
        }
    }

    /// <summary>From <see cref="EvaluateAlertRules"/>: each strategy's latest live trades against its expectation.</summary>
    private void EvaluateDegradation(IReadOnlyList<Trade> trades)
    {
        if (_expectations is not { Count: > 0 } expectations) return;
        _degradation ??= new DegradationRule(_alerts, _settings.Alerts.Degradation);
        _degradation.Evaluate(expectations, trades);
    }

    private async Task RunNightlyDriftAsync(DateTime now, CancellationToken ct)
    {
        if (!_settings.Alerts.NightlyDrift || _store is not IDegradationStore runs || _cursors.Count == 0) return;
        var firstBar = _cursors.Values.Min(c => c.FirstBar);
        var due = ReportSchedule.Due(now, DayZone == TimeZoneInfo.Utc, _calendar.SessionFor).FirstOrDefault(d => d.Kind == "daily");
        if (due.Kind is null || due.EndUtc <= firstBar) return;
        var night = due.Day.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
        if (_driftNight == night) return;
        _driftNight = night; // once per night per process, whatever happens; the store keeps it once across restarts
        if (runs.LatestDriftRun()?.Day == night) return;
        try
        {
            if (await NightlyDrift.RunAsync(_settings, _marketData, _store, runs, _alerts, night, _time.GetUtcNow().UtcDateTime, ct).ConfigureAwait(false) is { } run)
                LogDrift(_logger, night, run.Summary.Matched, run.Summary.Missed, run.Summary.Extra, run.Summary.ReturnDifferencePct, run.WithinTolerance);
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            LogDriftFailed(_logger, night, ex.Message);
        }
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "backtest expectation of {Strategy}: {Trades} trades from {From:yyyy-MM-dd} to {To:yyyy-MM-dd}")]
    private static partial void LogExpectation(ILogger logger, string strategy, int trades, DateTime from, DateTime to);

    [LoggerMessage(Level = LogLevel.Warning, Message = "no backtest expectation recorded: {Message}")]
    private static partial void LogExpectationFailed(ILogger logger, string message);

    [LoggerMessage(Level = LogLevel.Information, Message = "nightly drift {Night}: {Matched} matched, {Missed} missed, {Extra} extra, return difference {Difference:0.000} points, within tolerance: {Within}")]
    private static partial void LogDrift(ILogger logger, string night, int matched, int missed, int extra, double difference, bool within);

    [LoggerMessage(Level = LogLevel.Warning, Message = "nightly drift {Night} failed: {Message}")]
    private static partial void LogDriftFailed(ILogger logger, string night, string message);
}
