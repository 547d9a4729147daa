using Keel.Reporting.Pages;

namespace Keel.Dashboard.Alerts;

/// <summary>Where the alerts page reads alerts and acknowledges one (<see cref="StoreAlertFeed"/>: the trading store's alerts).</summary>
public interface IAlertFeed
{
    AlertsPage Page(int limit);

    /// <summary>Acknowledges an alert as <c>keel alerts ack</c> does; false when there is no such alert or it was acknowledged already.</summary>
    bool Acknowledge(long id);
}
