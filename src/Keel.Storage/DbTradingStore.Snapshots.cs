using Keel.Core.Persistence;
using Keel.Storage.Sql;

namespace Keel.Storage;

/// <summary>What the session looked like over time: equity snapshots, each day's P&amp;L, alerts.</summary>
public abstract partial class DbTradingStore
{
    public void RecordEquity(EquitySnapshot snapshot)
    {
        ArgumentNullException.ThrowIfNull(snapshot);
        Write((c, t) => c.Command(t, "INSERT INTO equity (time, equity, cash) VALUES (@time, @equity, @cash)")
            .With("@time", snapshot.Time)
            .With("@equity", snapshot.Equity)
            .With("@cash", snapshot.Cash)
            .Run());
    }

    /// <summary>The snapshot with the latest time (the last recorded among equal times).</summary>
    public EquitySnapshot? LatestEquity() => Read(c => c.Command(null, "SELECT * FROM equity ORDER BY time DESC, id DESC LIMIT 1")
        .FirstOrNull(r => new EquitySnapshot(r.Time("time"), r.Decimal("equity"), r.Decimal("cash"))));

    public void RecordDailyPnl(DailyPnl pnl)
    {
        ArgumentNullException.ThrowIfNull(pnl);
        Write((c, t) => c.Command(t, """
            INSERT INTO daily_pnl (day, start_equity, end_equity, realized_pnl, fees, trades)
            VALUES (@day, @start, @end, @realized, @fees, @trades)
            ON CONFLICT (day) DO UPDATE SET start_equity = excluded.start_equity, end_equity = excluded.end_equity,
                realized_pnl = excluded.realized_pnl, fees = excluded.fees, trades = excluded.trades
            """)
            .With("@day", pnl.Day)
            .With("@start", pnl.StartEquity)
            .With("@end", pnl.EndEquity)
            .With("@realized", pnl.RealizedPnl)
            .With("@fees", pnl.Fees)
            .With("@trades", pnl.Trades)
            .Run());
    }

    /// <summary>Every day's P&amp;L, oldest day first.</summary>
    public IReadOnlyList<DailyPnl> DailyPnls() => Read(c => c.Command(null, "SELECT * FROM daily_pnl ORDER BY day")
        .Rows(r => new DailyPnl(r.Day("day"), r.Decimal("start_equity"), r.Decimal("end_equity"), r.Decimal("realized_pnl"),
            r.Decimal("fees"), checked((int)r.Long("trades")))));

    public void RecordAlert(StoredAlert alert)
    {
        ArgumentNullException.ThrowIfNull(alert);
        Write((c, t) => c.Command(t, "INSERT INTO alerts (time, kind, severity, message) VALUES (@time, @kind, @severity, @message)")
            .With("@time", alert.Time)
            .With("@kind", alert.Kind)
            .With("@severity", alert.Severity)
            .With("@message", alert.Message)
            .Run());
    }

    /// <summary>Every alert, in the order recorded.</summary>
    public IReadOnlyList<StoredAlert> Alerts() => Read(c => c.Command(null, "SELECT * FROM alerts ORDER BY id")
        .Rows(r => new StoredAlert(r.Time("time"), r.Text("kind"), r.Text("severity"), r.Text("message"))));
}
