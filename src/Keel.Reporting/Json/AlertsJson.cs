using Keel.Core.Persistence;

namespace Keel.Reporting.Json;

/// <summary><c>keel alerts --json</c>: the alerts listed, each with its state (open, acked, resolved) and its deliveries per sink.</summary>
public sealed record AlertsJson(IReadOnlyList<AlertJson> Alerts)
{
    public static AlertsJson Of(IEnumerable<AlertRecord> alerts, ILookup<long, AlertDelivery> deliveries)
    {
        ArgumentNullException.ThrowIfNull(alerts);
        ArgumentNullException.ThrowIfNull(deliveries);
        return new(alerts.Select(a => AlertJson.Of(a, deliveries[a.Id])).ToList());
    }
}

/// <summary>One alert; <c>strategy</c> and <c>symbol</c> are null when it concerns neither.</summary>
public sealed record AlertJson(long Id, DateTime Time, string Kind, string Severity, string? Strategy, string? Symbol, string Message, string State,
    IReadOnlyList<AlertDeliveryJson> Deliveries)
{
    public static AlertJson Of(AlertRecord a, IEnumerable<AlertDelivery> deliveries)
    {
        ArgumentNullException.ThrowIfNull(a);
        return new(a.Id, a.Time, a.Kind, AlertSeverities.Name(a.Severity), a.Strategy, a.Symbol, a.Message, StateOf(a),
            deliveries.Select(d => new AlertDeliveryJson(d.Sink, d.DeliveredAt is not null, d.Attempts, d.LastError)).ToList());
    }

    /// <summary>resolved, acked or open, in that order of precedence.</summary>
    public static string StateOf(AlertRecord a)
    {
        ArgumentNullException.ThrowIfNull(a);
        return a.ResolvedAt is not null ? "resolved" : a.AckedAt is not null ? "acked" : "open";
    }
}

/// <summary>One sink's delivery of an alert: done or not, how many attempts, the last error (null when none).</summary>
public sealed record AlertDeliveryJson(string Sink, bool Delivered, int Attempts, string? LastError);
