using System.Globalization;

namespace Keel.Core.Persistence;

/// <summary>How loud an alert is; sinks deliver from their <c>minSeverity</c> up.</summary>
public enum AlertSeverity
{
    Info,
    Warning,
    Critical,
}

/// <summary>Severity names as written in configs and stored: info, warning, critical.</summary>
public static class AlertSeverities
{
    public static string Name(AlertSeverity severity) => severity.ToString().ToLowerInvariant();

    public static bool TryParse(string? text, out AlertSeverity severity)
    {
        switch (text?.Trim().ToLowerInvariant())
        {
            case "info": severity = AlertSeverity.Info; return true;
            case "warning": severity = AlertSeverity.Warning; return true;
            case "critical": severity = AlertSeverity.Critical; return true;
            default: severity = AlertSeverity.Info; return false;
        }
    }

    /// <summary>Unknown stored text (rows older than the severities) reads as a warning rather than failing.</summary>
    public static AlertSeverity Parse(string text) => TryParse(text, out var s) ? s : AlertSeverity.Warning;
}

/// <summary>
/// An alert to record. <see cref="Condition"/> names the condition it reports (e.g. <c>drawdown:account</c>):
/// while an alert of that condition is active (not resolved) another of the same or lower severity is
/// suppressed, so a condition raises one alert until it clears or escalates. Null: a one-off event.
/// <see cref="Html"/> is an optional HTML body for e-mail (reports).
/// </summary>
public sealed record NewAlert(DateTime Time, string Kind, AlertSeverity Severity, string Message,
    string? Strategy = null, string? Symbol = null, string? Condition = null, string? Html = null);

/// <summary>A stored alert. Open: neither resolved nor acknowledged.</summary>
public sealed record AlertRecord(long Id, DateTime Time, string Kind, AlertSeverity Severity, string Message,
    string? Strategy, string? Symbol, string? Condition, DateTime? ResolvedAt, DateTime? AckedAt, string? Html)
{
    public bool IsOpen => ResolvedAt is null && AckedAt is null;

    /// <summary>One line for logs and lists: severity, kind, where, message.</summary>
    public string Summary
    {
        get
        {
            var where = string.Join(' ', new[] { Strategy, Symbol }.Where(s => !string.IsNullOrEmpty(s)));
            return string.Create(CultureInfo.InvariantCulture,
                $"[{AlertSeverities.Name(Severity)}] {Kind}{(where.Length > 0 ? " " + where : "")}: {Message}");
        }
    }
}

/// <summary>One alert's delivery to one sink, as the outbox holds it.</summary>
public sealed record AlertDelivery(long AlertId, string Sink, int Attempts, DateTime NextAttempt, string? LastError, DateTime? DeliveredAt);

/// <summary>A delivery claimed for sending, with the alert it carries.</summary>
public sealed record PendingDelivery(AlertRecord Alert, string Sink, int Attempts);

/// <summary>The service's own life: started, stopped (cleanly), kill switch lifted; read by <c>keel status</c> and the watchdog.</summary>
public sealed record ServiceEvent(DateTime Time, string Kind, int ProcessId, string Detail)
{
    public const string Started = "started";
    public const string Stopped = "stopped";
    public const string KillSwitchLifted = "kill-switch-lifted";
}
