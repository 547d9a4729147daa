namespace Keel.Core.Persistence;

/// <summary>
/// Alerts and their delivery. An alert and its outbox rows (one per sink that should carry it) are
/// written in one transaction, so an alert recorded is an alert that will be delivered; a background
/// sender claims due deliveries (a lease, so two processes never send the same one at once), sends,
/// and marks each delivered or failed with the time of its next attempt.
/// </summary>
public interface IAlertStore
{
    /// <summary>
    /// Records <paramref name="alert"/> and queues it for <paramref name="sinks"/>, unless its condition is
    /// already active at the same or a higher severity (returns null). A higher severity escalates: the
    /// active alert is resolved and this one recorded.
    /// </summary>
    long? RaiseAlert(NewAlert alert, IReadOnlyList<string> sinks);

    /// <summary>
    /// Resolves the active alert of <paramref name="followUp"/>'s condition and records the follow-up (already
    /// resolved) for <paramref name="sinks"/>; null when nothing was active.
    /// </summary>
    long? ResolveAlert(NewAlert followUp, IReadOnlyList<string> sinks);

    /// <summary>The unresolved alert of a condition, if any.</summary>
    AlertRecord? ActiveAlert(string condition);

    /// <summary>Alerts neither resolved nor acknowledged, oldest first.</summary>
    IReadOnlyList<AlertRecord> OpenAlerts();

    /// <summary>Every alert, oldest first.</summary>
    IReadOnlyList<AlertRecord> AllAlerts();

    AlertRecord? FindAlert(long id);

    /// <summary>Acknowledges an alert; false when there is no such alert or it was acknowledged already.</summary>
    bool AckAlert(long id, DateTime time);

    /// <summary>Claims up to <paramref name="limit"/> deliveries due at <paramref name="now"/> for <paramref name="lease"/>.</summary>
    IReadOnlyList<PendingDelivery> ClaimDeliveries(string owner, DateTime now, TimeSpan lease, int limit);

    /// <summary>
    /// Frees the claims of owners whose name starts with <paramref name="ownerPrefix"/>: a restarted service
    /// takes back what its killed predecessor had claimed, instead of waiting for the lease to run out.
    /// </summary>
    void ReleaseClaims(string ownerPrefix);

    void MarkDelivered(long alertId, string sink, DateTime time);

    /// <summary>Counts a failed attempt, keeps its error (never a secret: sinks scrub theirs) and when to try again.</summary>
    void MarkFailed(long alertId, string sink, string error, DateTime nextAttempt);

    /// <summary>Every delivery row, by alert then sink.</summary>
    IReadOnlyList<AlertDelivery> Deliveries();

    /// <summary>
    /// Records a report for (<paramref name="kind"/>, <paramref name="period"/>) once: the first call stores it
    /// with its outbox rows and returns its alert id; later calls for the same period return null.
    /// </summary>
    long? RecordReport(string kind, string period, NewAlert report, IReadOnlyList<string> sinks);

    void RecordServiceEvent(ServiceEvent serviceEvent);

    /// <summary>The latest service event, or null before the first start.</summary>
    ServiceEvent? LastServiceEvent();
}
