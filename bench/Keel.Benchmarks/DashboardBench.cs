using System.Diagnostics;
using System.Globalization;
using Keel.Dashboard;
using Keel.Storage;
using Microsoft.Data.Sqlite;

namespace Keel.Benchmarks;

/// <summary>
/// Issue 17's speed target: each dashboard page's JSON over a store with 100,000 fills and a year of one-minute
/// equity snapshots (525,600), served by the real dashboard on loopback. The first request of a page that draws a
/// history reads it (cold; nothing is read at start-up); later ones read only what is new (warm). Times are wall-clock per
/// request, body read: the first, then the median and the slowest of the following runs.
/// </summary>
internal static class DashboardBench
{
    public const int Fills = 100_000;
    public const int Minutes = 365 * 24 * 60;
    private static readonly CultureInfo Invariant = CultureInfo.InvariantCulture;
    private static readonly string[] Strategies = ["sma-crossover:fast=10,slow=30", "rsi:period=14,oversold=30,overbought=70", "macd", "mean-reversion"];
    private static readonly string[] Symbols = ["SPY", "AAPL", "MSFT", "QQQ", "BTC/USD"];

    public static async Task<int> RunAsync(string folder, int runs)
    {
        Directory.CreateDirectory(folder);
        var path = Path.Combine(folder, "dashboard-bench.db");
        if (!File.Exists(path))
        {
            var build = Stopwatch.StartNew();
            Write(path);
            Console.WriteLine($"wrote {path}: {Fills:N0} fills, {Fills / 2:N0} trades, {Minutes:N0} equity snapshots in {build.Elapsed.TotalSeconds:0.0} s");
        }
        using (var reader = ReadOnlyStores.Open(path, null))
        {
            // What the first overview and strategies pages read (then only what is new): the store's part of a cold first page.
            var clock = Stopwatch.StartNew();
            var equity = 0;
            for (var page = reader.EquityPointsAfter(0, 50_000); page.Count > 0; page = reader.EquityPointsAfter(page.LastId, 50_000)) equity += page.Count;
            var read = clock.Elapsed.TotalMilliseconds;
            var trades = reader.TradesAfter(0).Count;
            Console.WriteLine($"read {equity:N0} equity snapshots in {read:0} ms, {trades:N0} trades in {clock.Elapsed.TotalMilliseconds - read:0} ms");
        }
        await using var server = await DashboardServer.StartAsync(new DashboardOptions { Mode = "paper", SqlitePath = path, Port = 0, ResultsFolder = Path.Combine(folder, "results") });
        using var http = new HttpClient { BaseAddress = server.BaseUrl };
        string[] pages = ["/", "api/overview?width=1400", "api/positions", "api/orders", "api/strategies", "api/journal", "api/journal?strategy=macd&symbol=SPY&from=2025-06-01&to=2025-06-30", "api/alerts", "api/backtests"];
        Console.WriteLine($"{"page",-70} {"first ms",9} {"median ms",10} {"max ms",8} {"bytes",9}");
        foreach (var page in pages)
        {
            var times = new List<double>();
            long bytes = 0;
            for (var run = 0; run <= runs; run++)
            {
                var clock = Stopwatch.StartNew();
                var body = await http.GetByteArrayAsync(page);
                times.Add(clock.Elapsed.TotalMilliseconds);
                bytes = body.Length;
            }
            var warm = times.Skip(1).Order().ToList();
            Console.WriteLine($"{page,-70} {times[0],9:0.0} {warm[warm.Count / 2],10:0.0} {warm[^1],8:0.0} {bytes,9:N0}");
        }
        return 0;
    }

    /// <summary>The store through Keel's own migrations, then rows in the store's text formats in one transaction (a store API write per row would fsync 700,000 times).</summary>
    private static void Write(string path)
    {
        new SqliteTradingStore(path).Dispose();
        using var connection = new SqliteConnection($"Data Source={path};Pooling=False");
        connection.Open();
        using var transaction = connection.BeginTransaction();
        var start = new DateTime(2025, 1, 1, 0, 0, 0, DateTimeKind.Utc);
        string T(DateTime t) => t.ToString("O", Invariant);

        using (var equity = Command(connection, transaction, "INSERT INTO equity (time, equity, cash) VALUES ($t, $e, $c)", "$t", "$e", "$c"))
        {
            var value = 100_000m;
            var random = new Random(17);
            for (var i = 0; i < Minutes; i++)
            {
                value = Math.Round(value * (1 + (decimal)((random.NextDouble() - 0.4999) * 0.001)), 6);
                Run(equity, T(start.AddMinutes(i)), value.ToString(Invariant), (value / 2).ToString(Invariant));
            }
        }
        using var fill = Command(connection, transaction, """
            INSERT INTO fills (client_order_id, cumulative_quantity, strategy, symbol, side, purpose, quantity, price, commission, slippage, time)
            VALUES ($id, '10', $s, $y, $side, $purpose, '10', $p, '0', '0', $t)
            """, "$id", "$s", "$y", "$side", "$purpose", "$p", "$t");
        using var order = Command(connection, transaction, """
            INSERT INTO orders (client_order_id, strategy, symbol, side, quantity, order_type, purpose, created_at, reason, status, filled_quantity, updated_at, note)
            VALUES ($id, $s, $y, $side, '10', 'Market', $purpose, $t, $r, 'Filled', '10', $t, '')
            """, "$id", "$s", "$y", "$side", "$purpose", "$t", "$r");
        using var events = Command(connection, transaction, "INSERT INTO order_events (time, client_order_id, status, note) VALUES ($t, $id, $status, '')", "$t", "$id", "$status");
        using var trade = Command(connection, transaction, """
            INSERT INTO trades (strategy, symbol, entry_time, entry_price, exit_time, exit_price, quantity, fees, slippage, entry_reason, exit_reason)
            VALUES ($s, $y, $et, $ep, $xt, $xp, '10', '0', '0', $er, $xr)
            """, "$s", "$y", "$et", "$ep", "$xt", "$xp", "$er", "$xr");
        using var decision = Command(connection, transaction, "INSERT INTO decisions (time, strategy, symbol, action, confidence, reason, outcome) VALUES ($t, $s, $y, $a, '1', $r, 'submitted')", "$t", "$s", "$y", "$a", "$r");
        for (var i = 0; i < Fills / 2; i++)
        {
            var s = Strategies[i % Strategies.Length];
            var y = Symbols[i / Strategies.Length % Symbols.Length];
            var entry = start.AddMinutes(i * 10L);
            var exit = entry.AddMinutes(5);
            var entryPrice = (100 + i % 50).ToString(Invariant);
            var exitPrice = (100 + (i * 7) % 53).ToString(Invariant);
            foreach (var (leg, time, price, side, purpose) in new[] { ("E", entry, entryPrice, "Buy", "Entry"), ("X", exit, exitPrice, "Sell", "Exit") })
            {
                var id = $"b{i}-{leg}";
                var reason = $"{(leg == "E" ? "fast SMA crossed above slow" : "fast SMA crossed below slow")} (fast={i % 97}, slow={i % 89})";
                Run(fill, id, s, y, side, purpose, price, T(time));
                Run(order, id, s, y, side, purpose, T(time), reason);
                Run(events, T(time), id, "New");
                Run(events, T(time), id, "Filled");
                Run(decision, T(time), s, y, side, reason);
            }
            Run(trade, s, y, T(entry), entryPrice, T(exit), exitPrice, "fast SMA crossed above slow", "fast SMA crossed below slow");
        }
        using (var day = Command(connection, transaction, "INSERT INTO daily_pnl (day, start_equity, end_equity, realized_pnl, fees, trades) VALUES ($d, '100000', $e, '0', '0', 137)", "$d", "$e"))
            for (var d = 0; d < 365; d++) Run(day, DateOnly.FromDateTime(start).AddDays(d).ToString("yyyy-MM-dd", Invariant), (100_000 + d * 3.5m).ToString(Invariant));
        using (var heartbeat = Command(connection, transaction, "INSERT INTO heartbeat (id, broker_time, wall_time, mode, process_id) VALUES (1, $t, $t, 'paper', 1)", "$t"))
            Run(heartbeat, T(start.AddMinutes(Minutes - 1)));
        transaction.Commit();
    }

    private static SqliteCommand Command(SqliteConnection connection, SqliteTransaction transaction, string sql, params string[] names)
    {
        var command = connection.CreateCommand();
        command.Transaction = transaction;
        command.CommandText = sql;
        foreach (var name in names) command.Parameters.Add(new SqliteParameter(name, ""));
        command.Prepare();
        return command;
    }

    private static void Run(SqliteCommand command, params string[] values)
    {
        for (var i = 0; i < values.Length; i++) command.Parameters[i].Value = values[i];
        command.ExecuteNonQuery();
    }
}
