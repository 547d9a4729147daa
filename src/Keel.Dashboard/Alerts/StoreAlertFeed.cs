using Keel.Core.Persistence;
using Keel.Reporting.Pages;

namespace Keel.Dashboard.Alerts;

/// <summary>The alerts table of the current schema: listed newest first; it has no acknowledgement yet.</summary>
internal sealed class StoreAlertFeed(ITradingStoreReader reader) : IAlertFeed
{
    public AlertsPage Page(int limit)
    {
        var rows = reader.Alerts(limit);
        if (rows is null) return new AlertsPage(false, false, "no alerts store: this store has no alerts table the dashboard can read", []);
        return new AlertsPage(true, false, "acknowledging needs the alerts outbox; until then alerts are listed only",
            rows.Select(r => new AlertView(r.Id, r.Alert.Time, r.Alert.Kind, r.Alert.Severity, r.Alert.Message, false)).ToList());
    }

    public bool Acknowledge(long id) => false;
}
