using System.Data.Common;
using Keel.Core.Persistence;
using Keel.Storage.Sql;

namespace Keel.Storage;

/// <summary>
/// Alerts, their outbox (one delivery row per alert and sink, written in the alert's transaction), the
/// service's lifecycle events and the reports recorded per period.
/// </summary>
public abstract partial class DbTradingStore
{
    public long? RaiseAlert(NewAlert alert, IReadOnlyList<string> sinks)
    {
        ArgumentNullException.ThrowIfNull(alert);
        ArgumentNullException.ThrowIfNull(sinks);
        long? id = null;
        Write((c, t) =>
        {
            if (alert.Condition is { } condition && ActiveAlert(c, t, condition) is { } active)
            {
                if (active.Severity >= alert.Severity) return false; // the condition already said so: no storm
                SetResolved(c, t, active.Id, alert.Time); // escalated: the louder alert replaces it
            }
            id = InsertAlert(c, t, alert, resolvedAt: null);
            QueueDeliveries(c, t, id.Value, sinks, alert.Time);
            return true;
        });
        return id;
    }

    public long? ResolveAlert(NewAlert followUp, IReadOnlyList<string> sinks)
    {
        ArgumentNullException.ThrowIfNull(followUp);
        ArgumentNullException.ThrowIfNull(sinks);
        if (followUp.Condition is null) throw new ArgumentException("A follow-up names the condition it resolves.", nameof(followUp));
        long? id = null;
        Write((c, t) =>
        {
            if (ActiveAlert(c, t, followUp.Condition) is not { } active) return false;
            SetResolved(c, t, active.Id, followUp.Time);
            id = InsertAlert(c, t, followUp, resolvedAt: followUp.Time);
            QueueDeliveries(c, t, id.Value, sinks, followUp.Time);
            return true;
        });
        return id;
    }

    public AlertRecord? ActiveAlert(string condition)
    {
        ArgumentNullException.ThrowIfNull(condition);
        return Read(c => ActiveAlert(c, null, condition));
    }

    public IReadOnlyList<AlertRecord> OpenAlerts() =>
        Read(c => c.Command(null, "SELECT * FROM alerts WHERE resolved_at IS NULL AND acked_at IS NULL ORDER BY id").Rows(ReadAlert));

    public IReadOnlyList<AlertRecord> AllAlerts() => Read(c => c.Command(null, "SELECT * FROM alerts ORDER BY id").Rows(ReadAlert));

    public AlertRecord? FindAlert(long id) => Read(c => c.Command(null, "SELECT * FROM alerts WHERE id = @id").With("@id", id).FirstOrNull(ReadAlert));

    public bool AckAlert(long id, DateTime time)
    {
        var changed = false;
        Write((c, t) => changed = c.Command(t, "UPDATE alerts SET acked_at = @time WHERE id = @id AND acked_at IS NULL")
            .With("@time", time).With("@id", id).Run() == 1);
        return changed;
    }

    public IReadOnlyList<PendingDelivery> ClaimDeliveries(string owner, DateTime now, TimeSpan lease, int limit)
    {
        ArgumentNullException.ThrowIfNull(owner);
        var claimed = new List<PendingDelivery>();
        Write((c, t) =>
        {
            var due = c.Command(t, $"""
                SELECT alert_id, sink, attempts FROM alert_deliveries
                WHERE delivered_at IS NULL AND next_attempt <= @now AND (claimed_until IS NULL OR claimed_until <= @now)
                ORDER BY alert_id, sink LIMIT {Math.Max(1, limit)}
                """)
                .With("@now", now)
                .Rows(r => (Id: r.Long("alert_id"), Sink: r.Text("sink"), Attempts: checked((int)r.Long("attempts"))));
            foreach (var (alertId, sink, attempts) in due)
            {
                // Re-checked in the UPDATE: another process that claimed the row first wins it.
                var won = c.Command(t, """
                    UPDATE alert_deliveries SET claimed_by = @owner, claimed_until = @until
                    WHERE alert_id = @id AND sink = @sink AND delivered_at IS NULL AND (claimed_until IS NULL OR claimed_until <= @now)
                    """)
                    .With("@owner", owner).With("@until", now + lease).With("@id", alertId).With("@sink", sink).With("@now", now)
                    .Run() == 1;
                if (!won) continue;
                var alert = c.Command(t, "SELECT * FROM alerts WHERE id = @id").With("@id", alertId).FirstOrNull(ReadAlert);
                if (alert is not null) claimed.Add(new PendingDelivery(alert, sink, attempts));
            }
            return true;
        });
        return claimed;
    }

    public void ReleaseClaims(string ownerPrefix)
    {
        ArgumentNullException.ThrowIfNull(ownerPrefix);
        // The length is cast: PostgreSQL has no substr(text, integer, bigint).
        Write((c, t) => c.Command(t, """
            UPDATE alert_deliveries SET claimed_by = NULL, claimed_until = NULL
            WHERE delivered_at IS NULL AND claimed_by IS NOT NULL AND substr(claimed_by, 1, CAST(@length AS INTEGER)) = @prefix
            """)
            .With("@length", (long)ownerPrefix.Length).With("@prefix", ownerPrefix).Run());
    }

    public void MarkDelivered(long alertId, string sink, DateTime time)
    {
        ArgumentNullException.ThrowIfNull(sink);
        Write((c, t) => c.Command(t, """
            UPDATE alert_deliveries SET delivered_at = @time, attempts = attempts + 1, last_error = NULL, claimed_by = NULL, claimed_until = NULL
            WHERE alert_id = @id AND sink = @sink AND delivered_at IS NULL
            """)
            .With("@time", time).With("@id", alertId).With("@sink", sink).Run());
    }

    public void MarkFailed(long alertId, string sink, string error, DateTime nextAttempt)
    {
        ArgumentNullException.ThrowIfNull(sink);
        ArgumentNullException.ThrowIfNull(error);
        Write((c, t) => c.Command(t, """
            UPDATE alert_deliveries SET attempts = attempts + 1, last_error = @error, next_attempt = @next, claimed_by = NULL, claimed_until = NULL
            WHERE alert_id = @id AND sink = @sink AND delivered_at IS NULL
            """)
            .With("@error", error).With("@next", nextAttempt).With("@id", alertId).With("@sink", sink).Run());
    }

    public IReadOnlyList<AlertDelivery> Deliveries() => Read(c => c.Command(null, "SELECT * FROM alert_deliveries ORDER BY alert_id, sink")
        .Rows(r => new AlertDelivery(r.Long("alert_id"), r.Text("sink"), checked((int)r.Long("attempts")), r.Time("next_attempt"),
            r.NullableText("last_error"), r.NullableTime("delivered_at"))));

    public long? RecordReport(string kind, string period, NewAlert report, IReadOnlyList<string> sinks)
    {
        ArgumentNullException.ThrowIfNull(kind);
        ArgumentNullException.ThrowIfNull(period);
        ArgumentNullException.ThrowIfNull(report);
        ArgumentNullException.ThrowIfNull(sinks);
        long? id = null;
        Write((c, t) =>
        {
            var known = c.Command(t, "SELECT alert_id FROM reports_sent WHERE kind = @kind AND period = @period")
                .With("@kind", kind).With("@period", period).Rows(r => r.Long("alert_id"));
            if (known.Count > 0) return false;
            id = InsertAlert(c, t, report, resolvedAt: report.Time); // a report is news, not an open problem
            c.Command(t, "INSERT INTO reports_sent (kind, period, time, alert_id) VALUES (@kind, @period, @time, @id)")
                .With("@kind", kind).With("@period", period).With("@time", report.Time).With("@id", id.Value).Run();
            QueueDeliveries(c, t, id.Value, sinks, report.Time);
            return true;
        });
        return id;
    }

    public void RecordServiceEvent(ServiceEvent serviceEvent)
    {
        ArgumentNullException.ThrowIfNull(serviceEvent);
        Write((c, t) => c.Command(t, "INSERT INTO service_events (time, kind, process_id, detail) VALUES (@time, @kind, @pid, @detail)")
            .With("@time", serviceEvent.Time).With("@kind", serviceEvent.Kind).With("@pid", serviceEvent.ProcessId).With("@detail", serviceEvent.Detail)
            .Run());
    }

    public ServiceEvent? LastServiceEvent() => Read(c => c.Command(null, "SELECT * FROM service_events ORDER BY id DESC LIMIT 1")
        .FirstOrNull(r => new ServiceEvent(r.Time("time"), r.Text("kind"), checked((int)r.Long("process_id")), r.Text("detail"))));

    private static AlertRecord? ActiveAlert(DbConnection c, DbTransaction? t, string condition) =>
        c.Command(t, "SELECT * FROM alerts WHERE condition_key = @condition AND resolved_at IS NULL ORDER BY id DESC LIMIT 1")
            .With("@condition", condition).FirstOrNull(ReadAlert);

    private static void SetResolved(DbConnection c, DbTransaction t, long id, DateTime time) =>
        c.Command(t, "UPDATE alerts SET resolved_at = @time WHERE id = @id").With("@time", time).With("@id", id).Run();

    private long InsertAlert(DbConnection c, DbTransaction t, NewAlert alert, DateTime? resolvedAt)
    {
        using var command = c.Command(t, $"""
            INSERT INTO alerts (time, kind, severity, message, strategy, symbol, condition_key, resolved_at, html)
            VALUES (@time, @kind, @severity, @message, @strategy, @symbol, @condition, @resolved, @html) RETURNING id
            """)
            .With("@time", alert.Time).With("@kind", alert.Kind).With("@severity", AlertSeverities.Name(alert.Severity))
            .With("@message", alert.Message).With("@strategy", alert.Strategy).With("@symbol", alert.Symbol)
            .With("@condition", alert.Condition).With("@resolved", resolvedAt).With("@html", alert.Html);
        return Convert.ToInt64(command.ExecuteScalar(), System.Globalization.CultureInfo.InvariantCulture);
    }

    private static void QueueDeliveries(DbConnection c, DbTransaction t, long alertId, IReadOnlyList<string> sinks, DateTime time)
    {
        foreach (var sink in sinks.Distinct(StringComparer.Ordinal))
        {
            c.Command(t, "INSERT INTO alert_deliveries (alert_id, sink, attempts, next_attempt) VALUES (@id, @sink, 0, @next)")
                .With("@id", alertId).With("@sink", sink).With("@next", time).Run();
        }
    }

    private static AlertRecord ReadAlert(DbDataReader r) => new(r.Long("id"), r.Time("time"), r.Text("kind"), AlertSeverities.Parse(r.Text("severity")),
        r.Text("message"), r.NullableText("strategy"), r.NullableText("symbol"), r.NullableText("condition_key"),
        r.NullableTime("resolved_at"), r.NullableTime("acked_at"), r.NullableText("html"));
}
