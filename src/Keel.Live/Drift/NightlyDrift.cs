using System.Globalization;
using Keel.Core.Drift;
using Keel.Core.MarketData;
using Keel.Core.Persistence;
using Keel.Live.Alerts;
using Keel.Live.Config;
using Keel.Reporting.Json;

namespace Keel.Live.Drift;

/// <summary>
/// The service's nightly drift check: after a trading day's close, the same replay as <c>keel drift</c> over the
/// paper/live period, stored for that day (so <c>keel drift --latest</c>, <c>keel status</c> and the dashboard can show
/// it), and an alert when paper departs from the backtest beyond <c>gates.maxPaperDriftPercent</c> (default 5% of the
/// replay's return) or any trade was missed or extra. The alert stays raised until a later night is within tolerance.
/// </summary>
public static class NightlyDrift
{
    public const string Condition = "drift";

    /// <summary>Null when the day's run is stored already (by an earlier run of the service).</summary>
    public static async Task<DriftRun?> RunAsync(LiveSettings settings, IMarketDataProvider data, ITradingStore store, IDegradationStore runs,
        AlertCenter alerts, string day, DateTime now, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(settings);
        ArgumentNullException.ThrowIfNull(store);
        ArgumentNullException.ThrowIfNull(runs);
        ArgumentNullException.ThrowIfNull(alerts);
        var report = await DriftReplay.RunAsync(settings, data, store, ct: ct).ConfigureAwait(false);
        var s = report.Summary;
        var tolerance = settings.Gates.MaxPaperDriftPercent;
        var within = s.WithinTolerance(tolerance);
        var message = string.Create(CultureInfo.InvariantCulture,
            $"drift {report.From:yyyy-MM-dd HH:mm} to {report.To:yyyy-MM-dd HH:mm} (night of {day}): paper return {s.PaperReturnPct:0.000}% vs backtest replay {s.ReplayReturnPct:0.000}%, "
            + $"difference {s.ReturnDifferencePct:+0.000;-0.000;0.000} points (allowed {s.AllowedDifferencePct(tolerance):0.000}, {tolerance}% of the replay's); "
            + $"{s.Matched} trades matched, {s.Missed} missed, {s.Extra} extra, {s.Mispriced} mispriced");
        // The alert before the record: a crash in between re-runs the night, and the raised condition keeps it to one alert.
        if (within) alerts.Resolve(Condition, message);
        else
        {
            var far = Math.Abs(s.ReturnDifferencePct) > 2 * s.AllowedDifferencePct(tolerance);
            alerts.Raise(AlertKinds.Drift, far ? AlertSeverity.Critical : AlertSeverity.Warning, message, condition: Condition);
        }
        var run = new DriftRun(day, now, report.From, report.To, s, report.DailyReturnCorrelation, within, Json(report));
        return runs.RecordDriftRun(run) ? run : null;
    }

    /// <summary>The report as <c>keel drift --json</c> writes it, on one line: <c>keel drift --latest</c> shows it again.</summary>
    private static string Json(DriftReport report) => JsonOutput.Compact(DriftReportJson.Of(report), ReportJson.Default.DriftReportJson);
}
