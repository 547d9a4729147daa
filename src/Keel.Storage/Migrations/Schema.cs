namespace Keel.Storage.Migrations;

/// <summary>
/// Every migration of the store, oldest first. Column conventions: decimals, times ("O", UTC), days
/// (yyyy-MM-dd), enums (names) and symbols (tickers) are TEXT; flags and counts are BIGINT; <c>{id}</c>
/// is the provider's auto-numbered key.
/// </summary>
internal static class Schema
{
    public static IReadOnlyList<Migration> Migrations { get; } =
    [
        new(1, "trading store",
        [
            // Orders as decided (the intent, stored before it is sent) plus what happened to them since.
            """
            CREATE TABLE orders (
                client_order_id TEXT PRIMARY KEY,
                strategy TEXT NOT NULL,
                symbol TEXT NOT NULL,
                side TEXT NOT NULL,
                quantity TEXT NOT NULL,
                order_type TEXT NOT NULL,
                limit_price TEXT NULL,
                stop_price TEXT NULL,
                purpose TEXT NOT NULL,
                created_at TEXT NOT NULL,
                reason TEXT NOT NULL,
                stop_loss_percent TEXT NULL,
                take_profit_percent TEXT NULL,
                trailing_stop_percent TEXT NULL,
                reference_price TEXT NULL,
                parent_id TEXT NULL,
                status TEXT NOT NULL,
                filled_quantity TEXT NOT NULL,
                broker_order_id TEXT NULL,
                updated_at TEXT NOT NULL,
                note TEXT NOT NULL
            )
            """,
            "CREATE INDEX orders_status ON orders (status)",
            // Every order event as it came, the order's full history.
            """
            CREATE TABLE order_events (
                id {id},
                time TEXT NOT NULL,
                client_order_id TEXT NOT NULL,
                status TEXT NOT NULL,
                note TEXT NOT NULL
            )
            """,
            "CREATE INDEX order_events_order ON order_events (client_order_id)",
            // A fill is identified by its order and the order's filled quantity after it: recorded once.
            """
            CREATE TABLE fills (
                id {id},
                client_order_id TEXT NOT NULL,
                cumulative_quantity TEXT NOT NULL,
                strategy TEXT NOT NULL,
                symbol TEXT NOT NULL,
                side TEXT NOT NULL,
                purpose TEXT NOT NULL,
                quantity TEXT NOT NULL,
                price TEXT NOT NULL,
                commission TEXT NOT NULL,
                slippage TEXT NOT NULL,
                time TEXT NOT NULL,
                UNIQUE (client_order_id, cumulative_quantity)
            )
            """,
            // Open positions per strategy and symbol; bought_* keep the average price exact across buys.
            """
            CREATE TABLE positions (
                strategy TEXT NOT NULL,
                symbol TEXT NOT NULL,
                quantity TEXT NOT NULL,
                average_price TEXT NOT NULL,
                bought_quantity TEXT NOT NULL,
                bought_notional TEXT NOT NULL,
                entry_time TEXT NOT NULL,
                entry_order_id TEXT NULL,
                PRIMARY KEY (strategy, symbol)
            )
            """,
            """
            CREATE TABLE decisions (
                id {id},
                time TEXT NOT NULL,
                strategy TEXT NOT NULL,
                symbol TEXT NOT NULL,
                action TEXT NOT NULL,
                confidence TEXT NOT NULL,
                reason TEXT NULL,
                outcome TEXT NOT NULL
            )
            """,
            """
            CREATE TABLE trades (
                id {id},
                strategy TEXT NOT NULL,
                symbol TEXT NOT NULL,
                entry_time TEXT NOT NULL,
                entry_price TEXT NOT NULL,
                exit_time TEXT NOT NULL,
                exit_price TEXT NOT NULL,
                quantity TEXT NOT NULL,
                fees TEXT NOT NULL,
                slippage TEXT NOT NULL,
                entry_reason TEXT NOT NULL,
                exit_reason TEXT NOT NULL
            )
            """,
            """
            CREATE TABLE bar_cursors (
                symbol TEXT PRIMARY KEY,
                timeframe TEXT NOT NULL,
                first_bar TEXT NOT NULL,
                last_bar TEXT NOT NULL
            )
            """,
            """
            CREATE TABLE trading_days (
                day TEXT PRIMARY KEY,
                start_equity TEXT NOT NULL,
                halted BIGINT NOT NULL,
                halt_reason TEXT NULL
            )
            """,
            // Single-row tables: the id is always 1.
            """
            CREATE TABLE halt (
                id BIGINT PRIMARY KEY CHECK (id = 1),
                halted BIGINT NOT NULL,
                reason TEXT NULL,
                since TEXT NULL,
                flatten BIGINT NOT NULL DEFAULT 0
            )
            """,
            """
            CREATE TABLE heartbeat (
                id BIGINT PRIMARY KEY CHECK (id = 1),
                broker_time TEXT NOT NULL,
                wall_time TEXT NOT NULL,
                mode TEXT NOT NULL,
                process_id BIGINT NOT NULL
            )
            """,
            """
            CREATE TABLE equity (
                id {id},
                time TEXT NOT NULL,
                equity TEXT NOT NULL,
                cash TEXT NOT NULL
            )
            """,
            """
            CREATE TABLE daily_pnl (
                day TEXT PRIMARY KEY,
                start_equity TEXT NOT NULL,
                end_equity TEXT NOT NULL,
                realized_pnl TEXT NOT NULL,
                fees TEXT NOT NULL,
                trades BIGINT NOT NULL
            )
            """,
            """
            CREATE TABLE alerts (
                id {id},
                time TEXT NOT NULL,
                kind TEXT NOT NULL,
                severity TEXT NOT NULL,
                message TEXT NOT NULL
            )
            """,
        ]),
        // Order events: their time is the broker's for what the broker reports; when the service heard of
        // each is kept beside it.
        new(2, "order event receive time",
        [
            "ALTER TABLE order_events ADD COLUMN received_at TEXT NULL",
        ]),
        new(3, "alerts: conditions, acknowledgement, outbox per sink, service events, reports sent",
        [
            // An alert belongs to a condition (null: a one-off event); resolved when it clears, acked by keel alerts ack.
            "ALTER TABLE alerts ADD COLUMN strategy TEXT NULL",
            "ALTER TABLE alerts ADD COLUMN symbol TEXT NULL",
            "ALTER TABLE alerts ADD COLUMN condition_key TEXT NULL",
            "ALTER TABLE alerts ADD COLUMN resolved_at TEXT NULL",
            "ALTER TABLE alerts ADD COLUMN acked_at TEXT NULL",
            "ALTER TABLE alerts ADD COLUMN html TEXT NULL",
            "CREATE INDEX alerts_condition ON alerts (condition_key, resolved_at)",
            // The outbox: one row per alert and sink, written with the alert; claimed_* is a lease so two
            // processes (service, watchdog) never send the same delivery at once.
            """
            CREATE TABLE alert_deliveries (
                alert_id BIGINT NOT NULL,
                sink TEXT NOT NULL,
                attempts BIGINT NOT NULL,
                next_attempt TEXT NOT NULL,
                last_error TEXT NULL,
                delivered_at TEXT NULL,
                claimed_by TEXT NULL,
                claimed_until TEXT NULL,
                PRIMARY KEY (alert_id, sink)
            )
            """,
            "CREATE INDEX alert_deliveries_due ON alert_deliveries (delivered_at, next_attempt)",
            """
            CREATE TABLE service_events (
                id {id},
                time TEXT NOT NULL,
                kind TEXT NOT NULL,
                process_id BIGINT NOT NULL,
                detail TEXT NOT NULL
            )
            """,
            // A daily or weekly report is recorded (and queued) once per period, even across restarts.
            """
            CREATE TABLE reports_sent (
                kind TEXT NOT NULL,
                period TEXT NOT NULL,
                time TEXT NOT NULL,
                alert_id BIGINT NOT NULL,
                PRIMARY KEY (kind, period)
            )
            """,
        ]),
        // Which code each strategy ran with: a row whenever a session starts a strategy whose code hash is new,
        // so every session, order and trade of a strategy can be matched with the code that made it (by time).
        new(4, "strategy sources",
        [
            """
            CREATE TABLE strategy_sources (
                id {id},
                strategy TEXT NOT NULL,
                kind TEXT NOT NULL,
                path TEXT NULL,
                sha256 TEXT NOT NULL,
                recorded_at TEXT NOT NULL
            )
            """,
            "CREATE INDEX strategy_sources_strategy ON strategy_sources (strategy)",
        ]),
        new(5, "gates before money: gate results per version, overrides, capital stages, session versions",
        [
            // One row per gate run; rules is a JSON array of {rule, status, evidence}.
            """
            CREATE TABLE gate_results (
                id {id},
                time TEXT NOT NULL,
                version TEXT NOT NULL,
                status TEXT NOT NULL,
                rules TEXT NOT NULL
            )
            """,
            "CREATE INDEX gate_results_version ON gate_results (version, time)",
            """
            CREATE TABLE gate_overrides (
                id {id},
                time TEXT NOT NULL,
                version TEXT NOT NULL,
                actor TEXT NOT NULL,
                reason TEXT NOT NULL,
                failing_rules TEXT NOT NULL
            )
            """,
            """
            CREATE TABLE capital_changes (
                id {id},
                time TEXT NOT NULL,
                stage BIGINT NOT NULL,
                percent TEXT NOT NULL,
                kind TEXT NOT NULL,
                actor TEXT NOT NULL,
                reason TEXT NOT NULL
            )
            """,
            """
            CREATE TABLE session_starts (
                id {id},
                time TEXT NOT NULL,
                version TEXT NOT NULL,
                mode TEXT NOT NULL
            )
            """,
        ]),
        // A trade names the code that made it: the strategy's source hash recorded when its session started
        // (strategy_sources), copied onto the row so the trade still says so after the file changes again.
        new(6, "trades record their strategy's code hash",
        [
            "ALTER TABLE trades ADD COLUMN code_sha256 TEXT NULL",
        ]),
    ];
}
