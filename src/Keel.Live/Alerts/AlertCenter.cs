using Keel.Alerts;
using Keel.Core.Domain;
using Keel.Core.Persistence;
using Microsoft.Extensions.Logging;

namespace Keel.Live.Alerts;

/// <summary>
/// Where the service raises alerts: each goes to the store with its outbox rows (one per sink whose
/// <c>minSeverity</c> it reaches) in one write, one log line, and a nudge to the sender. Never waits on a sink.
/// A condition raises once until <see cref="Resolve"/> (a "resolved" follow-up to the same sinks) or a louder alert.
/// </summary>
public sealed partial class AlertCenter(IAlertStore store, IReadOnlyList<SinkDefinition> sinks, TimeProvider time, ILogger logger)
{
    /// <summary>Called after an alert is queued (the sender wakes up); never blocks.</summary>
    public Action? Queued { get; set; }

    public IReadOnlyList<string> SinksFor(AlertSeverity severity) => [.. sinks.Where(s => severity >= s.MinSeverity).Select(s => s.Name)];

    public IReadOnlyList<string> ReportSinks => [.. sinks.Where(s => s.CarriesReports).Select(s => s.Name)];

    public long? Raise(string kind, AlertSeverity severity, string message, string? strategy = null, Symbol? symbol = null, string? condition = null)
    {
        var id = store.RaiseAlert(new NewAlert(time.GetUtcNow().UtcDateTime, kind, severity, message, strategy, symbol?.Ticker, condition), SinksFor(severity));
        if (id is null) return null;
        LogAlert(logger, AlertSeverities.Name(severity), kind, symbol?.Ticker ?? "-", message);
        Queued?.Invoke();
        return id;
    }

    public bool IsActive(string condition) => store.ActiveAlert(condition) is not null;

    /// <summary>Clears a condition; the follow-up goes to the sinks that carried the alert it resolves.</summary>
    public long? Resolve(string condition, string message)
    {
        if (store.ActiveAlert(condition) is not { } active) return null;
        var id = store.ResolveAlert(new NewAlert(time.GetUtcNow().UtcDateTime, active.Kind, AlertSeverity.Info, "resolved: " + message,
            active.Strategy, active.Symbol, condition), SinksFor(active.Severity));
        if (id is null) return null;
        LogResolved(logger, active.Kind, active.Symbol ?? "-", message);
        Queued?.Invoke();
        return id;
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "alert {Severity} {Kind} {Symbol}: {Message}")]
    private static partial void LogAlert(ILogger logger, string severity, string kind, string symbol, string message);

    [LoggerMessage(Level = LogLevel.Information, Message = "alert resolved {Kind} {Symbol}: {Message}")]
    private static partial void LogResolved(ILogger logger, string kind, string symbol, string message);
}
