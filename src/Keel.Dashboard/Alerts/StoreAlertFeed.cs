using Keel.Core.Persistence;
using Keel.Reporting.Pages;
using Keel.Storage;

namespace Keel.Dashboard.Alerts;

/// <summary>
/// The store's alerts, newest first. Acknowledging is offered only with <c>--allow-control</c> and writes through the
/// store's own <see cref="IAlertStore.AckAlert"/> on a short-lived writable connection, exactly as <c>keel alerts ack</c>
/// does; the dashboard's reader stays read-only.
/// </summary>
internal sealed class StoreAlertFeed(ITradingStoreReader reader, DashboardOptions options) : IAlertFeed
{
    public AlertsPage Page(int limit)
    {
        var rows = reader.Alerts(limit);
        if (rows is null) return new AlertsPage(false, false, "no alerts store: this store has no alerts table the dashboard can read", []);
        var note = options.AllowControl ? null : "read-only: start the dashboard with --allow-control to acknowledge alerts here (or use keel alerts ack ID)";
        return new AlertsPage(true, options.AllowControl, note, rows.Select(View).ToList());
    }

    public bool Acknowledge(long id)
    {
        if (!options.AllowControl) return false;
        using var store = TradingStores.Open(options.SqlitePath, options.PostgresConnectionString);
        return store.FindAlert(id) is not null && store.AckAlert(id, options.Time.GetUtcNow().UtcDateTime);
    }

    private static AlertView View(AlertRecord a) => new(a.Id, a.Time, a.Kind, AlertSeverities.Name(a.Severity), a.Strategy, a.Symbol, a.Message,
        a.ResolvedAt is not null ? "resolved" : a.AckedAt is not null ? "acked" : "open", a.AckedAt, a.ResolvedAt);
}
