using System.Data.Common;
using Keel.Core.Domain;
using Keel.Core.Persistence;
using Keel.Storage.Sql;

namespace Keel.Storage;

/// <summary>What a restart resumes from: bar cursors, the trading day's start equity and halt, the kill switch, the heartbeat.</summary>
public abstract partial class DbTradingStore
{
    public BarCursor? Cursor(Symbol symbol)
    {
        ArgumentNullException.ThrowIfNull(symbol);
        return Read(c => c.Command(null, "SELECT * FROM bar_cursors WHERE symbol = @symbol")
            .With("@symbol", symbol.Ticker)
            .FirstOrNull(r => new BarCursor(r.Symbol("symbol"), r.Text("timeframe"), r.Time("first_bar"), r.Time("last_bar"))));
    }

    public void SaveCursor(BarCursor cursor)
    {
        ArgumentNullException.ThrowIfNull(cursor);
        Write((c, t) => c.Command(t, """
            INSERT INTO bar_cursors (symbol, timeframe, first_bar, last_bar) VALUES (@symbol, @timeframe, @first, @last)
            ON CONFLICT (symbol) DO UPDATE SET timeframe = excluded.timeframe, first_bar = excluded.first_bar, last_bar = excluded.last_bar
            """)
            .With("@symbol", cursor.Symbol.Ticker)
            .With("@timeframe", cursor.Timeframe)
            .With("@first", cursor.FirstBar)
            .With("@last", cursor.LastBar)
            .Run());
    }

    public StoredTradingDay? TradingDay(DateOnly day) => Read(c => c.Command(null, "SELECT * FROM trading_days WHERE day = @day")
        .With("@day", day)
        .FirstOrNull(r => new StoredTradingDay(r.Day("day"), r.Decimal("start_equity"), r.Flag("halted"), r.NullableText("halt_reason"))));

    /// <summary>
    /// The first call for a day stores its start equity; later calls only change whether it is halted and
    /// why, so a restart in the middle of the day never resets the loss limit's reference.
    /// </summary>
    public void SaveTradingDay(StoredTradingDay day)
    {
        ArgumentNullException.ThrowIfNull(day);
        Write((c, t) => c.Command(t, """
            INSERT INTO trading_days (day, start_equity, halted, halt_reason) VALUES (@day, @equity, @halted, @reason)
            ON CONFLICT (day) DO UPDATE SET halted = excluded.halted, halt_reason = excluded.halt_reason
            """)
            .With("@day", day.Day)
            .With("@equity", day.StartOfDayEquity)
            .With("@halted", day.Halted)
            .With("@reason", day.HaltReason)
            .Run());
    }

    /// <summary>The kill switch; <see cref="HaltState.Running"/> until someone halts.</summary>
    public HaltState Halt() => Read(c => c.Command(null, "SELECT * FROM halt WHERE id = 1")
        .FirstOrNull(r => new HaltState(r.Flag("halted"), r.NullableText("reason"), r.NullableTime("since"), r.Flag("flatten")))) ?? HaltState.Running;

    public void SetHalt(HaltState state)
    {
        ArgumentNullException.ThrowIfNull(state);
        Write((c, t) => c.Command(t, """
            INSERT INTO halt (id, halted, reason, since, flatten) VALUES (1, @halted, @reason, @since, @flatten)
            ON CONFLICT (id) DO UPDATE SET halted = excluded.halted, reason = excluded.reason, since = excluded.since, flatten = excluded.flatten
            """)
            .With("@halted", state.Halted)
            .With("@flatten", state.Flatten)
            .With("@reason", state.Reason)
            .With("@since", state.Since)
            .Run());
    }

    public void SaveHeartbeat(Heartbeat heartbeat)
    {
        ArgumentNullException.ThrowIfNull(heartbeat);
        Write((c, t) => c.Command(t, """
            INSERT INTO heartbeat (id, broker_time, wall_time, mode, process_id) VALUES (1, @broker, @wall, @mode, @pid)
            ON CONFLICT (id) DO UPDATE SET broker_time = excluded.broker_time, wall_time = excluded.wall_time,
                mode = excluded.mode, process_id = excluded.process_id
            """)
            .With("@broker", heartbeat.BrokerTime)
            .With("@wall", heartbeat.WallTime)
            .With("@mode", heartbeat.Mode)
            .With("@pid", heartbeat.ProcessId)
            .Run());
    }

    public Heartbeat? LastHeartbeat() => Read(c => c.Command(null, "SELECT * FROM heartbeat WHERE id = 1")
        .FirstOrNull(ReadHeartbeat));

    private static Heartbeat ReadHeartbeat(DbDataReader r) =>
        new(r.Time("broker_time"), r.Time("wall_time"), r.Text("mode"), checked((int)r.Long("process_id")));
}
