using System.Data.Common;
using Keel.Core.Persistence;
using Keel.Core.Trading;
using Keel.Storage.Sql;

namespace Keel.Storage;

/// <summary>
/// What a viewer (the dashboard) reads: rows newer than an id it holds, the marks that say something changed,
/// the journal filtered and bounded. Times are ISO-8601 UTC text of one width, so text comparison is time order.
/// </summary>
public abstract partial class DbTradingStore : ITradingStoreReader
{
    public StoreMarks Marks() => Read(c =>
    {
        var alerts = AlertsMark(c); // its own statement: PostgreSQL runs one command at a time on a connection
        var ids = c.Command(null, """
            SELECT (SELECT COALESCE(MAX(id), 0) FROM fills) AS fills, (SELECT COALESCE(MAX(id), 0) FROM equity) AS equity,
                   (SELECT COALESCE(MAX(id), 0) FROM order_events) AS order_events, (SELECT COALESCE(MAX(id), 0) FROM decisions) AS decisions,
                   (SELECT COALESCE(MAX(id), 0) FROM trades) AS trades
            """).FirstOrNull(r => new long[] { r.Long("fills"), r.Long("equity"), r.Long("order_events"), r.Long("decisions"), r.Long("trades"), alerts })!;
        var halt = c.Command(null, "SELECT * FROM halt WHERE id = 1")
            .FirstOrNull(r => new HaltState(r.Flag("halted"), r.NullableText("reason"), r.NullableTime("since"), r.Flag("flatten"))) ?? HaltState.Running;
        var heartbeat = c.Command(null, "SELECT * FROM heartbeat WHERE id = 1").FirstOrNull(ReadHeartbeat);
        return new StoreMarks(ids[0], ids[1], ids[2], ids[3], ids[4], ids[5], halt, heartbeat?.WallTime);
    });

    /// <summary>The newest alert id, or 0 when this schema has no alerts table (the marks must not fail with it).</summary>
    private static long AlertsMark(DbConnection c)
    {
        try
        {
            return c.Command(null, "SELECT COALESCE(MAX(id), 0) AS alerts FROM alerts").FirstOrNull(r => new[] { r.Long("alerts") })![0];
        }
        catch (DbException)
        {
            return 0;
        }
    }

    /// <summary>
    /// The database converts: the equity text to a double and the time to Unix milliseconds (<see cref="UnixMsSql"/>), so
    /// half a million rows cost one pass in the database and two numbers per row here; only the page's last snapshot is
    /// read again as exact text.
    /// </summary>
    public EquityPointsPage EquityPointsAfter(long afterId, int limit) => Read(c =>
    {
        var times = new List<long>();
        var values = new List<double>();
        var lastId = afterId;
        using (var command = c.Command(null, $"SELECT id, {UnixMsSql("time")} AS t, CAST(equity AS DOUBLE PRECISION) AS v FROM equity WHERE id > @after ORDER BY id LIMIT @limit")
            .With("@after", afterId).With("@limit", (long)Math.Max(1, limit)))
        using (var reader = command.ExecuteReader())
        {
            while (reader.Read())
            {
                lastId = reader.GetInt64(0);
                times.Add(reader.GetInt64(1));
                values.Add(reader.GetDouble(2));
            }
        }
        var last = times.Count == 0 ? null : c.Command(null, "SELECT time, equity, cash FROM equity WHERE id = @id").With("@id", lastId)
            .FirstOrNull(r => new EquitySnapshot(r.Time("time"), r.Decimal("equity"), r.Decimal("cash")));
        return new EquityPointsPage(lastId, [.. times], [.. values], last);
    });

    /// <summary>A stored time column (ISO-8601 UTC text) as Unix milliseconds, computed by the database (SQLite here).</summary>
    private protected virtual string UnixMsSql(string column) => $"CAST(ROUND((julianday({column}) - 2440587.5) * 86400000.0) AS INTEGER)";

    public IReadOnlyList<StoredTrade> TradesAfter(long afterId) => Read(c =>
        c.Command(null, "SELECT * FROM trades WHERE id > @after ORDER BY id").With("@after", afterId)
            .Rows(r => new StoredTrade(r.Long("id"), ReadTrade(r), r.NullableText("code_sha256"))));

    public StoredTrade? FindTrade(long id) => Read(c =>
        c.Command(null, "SELECT * FROM trades WHERE id = @id").With("@id", id).FirstOrNull(r => new StoredTrade(r.Long("id"), ReadTrade(r), r.NullableText("code_sha256"))));

    /// <summary>
    /// Newest recorded first (the journal is append-only, so id order is time order): each query walks its table's
    /// key backwards and stops at the limit, instead of sorting the whole table by time.
    /// </summary>
    public JournalSlice Journal(JournalFilter filter)
    {
        ArgumentNullException.ThrowIfNull(filter);
        return Read(c => new JournalSlice(
            Filtered(c, "SELECT * FROM decisions", "", "time", filter).Rows(r => new StoredDecision(r.Long("id"), ReadDecision(r))),
            Filtered(c, "SELECT o.*, e.id AS event_id, e.time AS event_time, e.status AS event_status, e.note AS event_note FROM order_events e JOIN orders o ON o.client_order_id = e.client_order_id",
                "o.", "e.time", filter, "e.id").Rows(r =>
            {
                var order = ReadOrder(r);
                return new JournalOrderEvent(new StoredOrderEvent(r.Long("event_id"), r.Time("event_time"), order.Order.ClientOrderId,
                    r.Enum<OrderStatus>("event_status"), r.Text("event_note")), order);
            }),
            Filtered(c, "SELECT * FROM trades", "", "exit_time", filter).Rows(r => new StoredTrade(r.Long("id"), ReadTrade(r), r.NullableText("code_sha256")))));
    }

    public IReadOnlyList<StoredFill> FillsAt(string strategy, string symbol, IReadOnlyCollection<DateTime> times)
    {
        ArgumentNullException.ThrowIfNull(times);
        if (times.Count == 0) return [];
        return Read(c =>
        {
            var names = times.Select((_, i) => "@t" + i).ToList();
            var command = c.Command(null, $"SELECT * FROM fills WHERE strategy = @strategy AND symbol = @symbol AND time IN ({string.Join(", ", names)}) ORDER BY id")
                .With("@strategy", strategy).With("@symbol", symbol);
            var i = 0;
            foreach (var time in times) command.With(names[i++], time);
            return command.Rows(ReadFill);
        });
    }

    public IReadOnlyList<StoredOrderEvent> OrderEvents(string clientOrderId)
    {
        ArgumentNullException.ThrowIfNull(clientOrderId);
        return Read(c => c.Command(null, "SELECT * FROM order_events WHERE client_order_id = @id ORDER BY id").With("@id", clientOrderId)
            .Rows(r => new StoredOrderEvent(r.Long("id"), r.Time("time"), r.Text("client_order_id"), r.Enum<OrderStatus>("status"), r.Text("note"))));
    }

    /// <summary>Null when the store's schema has no alerts table (an older or newer layout): the viewer says so instead of failing.</summary>
    public IReadOnlyList<AlertRecord>? Alerts(int limit)
    {
        try
        {
            return Read(c => c.Command(null, "SELECT * FROM alerts ORDER BY id DESC LIMIT @limit").With("@limit", (long)limit).Rows(ReadAlert));
        }
        catch (DbException)
        {
            return null;
        }
    }

    /// <summary>Newest first by <paramref name="idColumn"/>, each filter applied only when given; the SQL pieces are this file's constants.</summary>
    private static DbCommand Filtered(DbConnection c, string select, string prefix, string timeColumn, JournalFilter f, string idColumn = "id") =>
        c.Command(null, $"""
            {select}
            WHERE (@strategy IS NULL OR {prefix}strategy = @strategy) AND (@symbol IS NULL OR {prefix}symbol = @symbol)
              AND (@from IS NULL OR {timeColumn} >= @from) AND (@to IS NULL OR {timeColumn} < @to)
            ORDER BY {idColumn} DESC LIMIT @limit
            """)
            .With("@strategy", f.Strategy)
            .With("@symbol", f.Symbol)
            .With("@from", f.From)
            .With("@to", f.To)
            .With("@limit", (long)Math.Clamp(f.Limit, 1, 5000));
}
