using System.Globalization;
using Keel.Core.Persistence;
using Keel.Live.Alerts;
using Keel.Reporting.Service;
using Microsoft.Extensions.Logging;

namespace Keel.Live;

// The daily report after the close and the weekly review after the week's last session, made by the service
// itself. They only go into the outbox (the sender delivers them, as it does alerts), and reports_sent keeps
// each period to one send across restarts. Built once per period per process: the store says "already sent" after a restart.
public sealed partial class LiveSession
{
    private readonly HashSet<string> _reportsDone = new(StringComparer.Ordinal);

    private async Task SendDueReportsAsync(DateTime now, CancellationToken ct)
    {
        // Only periods that ended after the service's first bar: a fresh service owes no report for the days before it.
        if (_cursors.Count == 0) return;
        var firstBar = _cursors.Values.Min(c => c.FirstBar);
        var cryptoOnly = DayZone == TimeZoneInfo.Utc;
        if (!cryptoOnly)
        {
            var today = Core.Calendars.NyseCalendar.DateOf(now);
            await _calendar.EnsureAsync(today.AddDays(-14), today.AddDays(7), ct).ConfigureAwait(false);
        }
        foreach (var due in ReportSchedule.Due(now, cryptoOnly, _calendar.SessionFor))
        {
            var key = due.Kind + " " + due.Day.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
            if (due.EndUtc <= firstBar || _reportsDone.Contains(key)) continue;
            // The night's drift run comes after the daily report and before the weekly review, which shows it.
            if (due.Kind == "weekly") await RunNightlyDriftAsync(now, ct).ConfigureAwait(false);
            SendReport(due);
            _reportsDone.Add(key);
        }
    }

    private void SendReport(DueReport due)
    {
        var report = ServiceReport.Build(_store, due.Kind, due.Day, DayZone, Gates.LiveVersion.Of(_settings), _settings.Alerts.Degradation);
        var html = ServiceReportText.Html(report);
        var text = ServiceReportText.Plain(report);
        if (_alerts.ReportSinks.Count == 0)
        {
            // Nothing to send it through: keep the copy, and leave the period unclaimed so keel report --send can still send it.
            SaveReportFiles(due.Kind, report.Period, html, text);
            return;
        }
        var id = _store.RecordReport(due.Kind, report.Period, new NewAlert(_time.GetUtcNow().UtcDateTime, "report-" + due.Kind, AlertSeverity.Info,
            text, Html: html), _alerts.ReportSinks);
        if (id is null) return; // sent by an earlier run (or by keel report --send)
        SaveReportFiles(due.Kind, report.Period, html, text);
        LogReportQueued(_logger, due.Kind, report.Period);
        _alerts.Queued?.Invoke();
    }

    /// <summary>The copy under reports/; a folder that cannot be written loses the copy, never the send or the cycle.</summary>
    private void SaveReportFiles(string kind, string period, string html, string text)
    {
        try
        {
            if (_settings.Alerts.ReportsDirectory is not { } folder) return; // the config reader always names one (reports/ beside the config)
            Directory.CreateDirectory(folder);
            var htmlPath = Path.Combine(folder, $"{kind}-{period}.html");
            File.WriteAllText(htmlPath, html);
            File.WriteAllText(Path.ChangeExtension(htmlPath, ".txt"), text);
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            LogReportNotSaved(_logger, kind, period, ex.Message);
        }
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "{Kind} report {Period} queued for the sinks")]
    private static partial void LogReportQueued(ILogger logger, string kind, string period);

    [LoggerMessage(Level = LogLevel.Warning, Message = "{Kind} report {Period} queued but its copy could not be saved: {Message}")]
    private static partial void LogReportNotSaved(ILogger logger, string kind, string period, string message);
}
