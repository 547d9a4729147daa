using Keel.Reporting.Pages;

namespace Keel.Dashboard.Alerts;

/// <summary>
/// Where the alerts page reads and acknowledges alerts. Today the store has an append-only alerts table
/// (<see cref="StoreAlertFeed"/>); the alerts outbox (deliveries, acknowledgement) plugs in here.
/// </summary>
public interface IAlertFeed
{
    AlertsPage Page(int limit);

    /// <summary>Marks an alert seen; false when the feed cannot (no acknowledgement in this store) or the id is unknown.</summary>
    bool Acknowledge(long id);
}
