using Keel.Core.Persistence;
using Microsoft.Data.Sqlite;
using static Keel.Storage.Tests.Sample;

namespace Keel.Storage.Tests;

/// <summary>What is particular to the SQLite file: sharing it with a second process, its settings, and files that are not a store.</summary>
public sealed class SqliteStoreTests : IDisposable
{
    private readonly TempDirectory _directory = new();
    private string StorePath => _directory.Combine("keel.db");

    [Fact]
    public void A_second_connection_reads_committed_writes_while_the_service_holds_the_store()
    {
        using var service = new SqliteTradingStore(StorePath);
        service.RecordEquity(new EquitySnapshot(T0, 100_000m, 100_000m));

        // What `keel status` would do: its own read-only connection, with the service's store still open.
        using var reader = ReadOnlyConnection();
        Scalar(reader, "PRAGMA journal_mode").ShouldBe("wal");
        Scalar(reader, "SELECT equity FROM equity").ShouldBe("100000");

        // A read transaction left open by the reader does not block the service's writes (write-ahead log).
        using (var snapshot = reader.BeginTransaction())
        {
            Scalar(reader, "SELECT COUNT(*) FROM equity", snapshot).ShouldBe("1");
            service.RecordEquity(new EquitySnapshot(T0.AddMinutes(1), 100_050m, 100_000m));
            Scalar(reader, "SELECT COUNT(*) FROM equity", snapshot).ShouldBe("1"); // its snapshot is stable
        }
        Scalar(reader, "SELECT COUNT(*) FROM equity").ShouldBe("2");
    }

    [Fact]
    public void A_second_store_on_the_same_file_halts_the_running_one()
    {
        using var service = new SqliteTradingStore(StorePath);
        service.Record(New(Entry()));

        // What `keel halt` would do while the service runs.
        using (var cli = new SqliteTradingStore(StorePath))
        {
            cli.OpenOrders().Count.ShouldBe(1);
            cli.SetHalt(new HaltState(true, "keel halt", T0));
        }

        service.Halt().ShouldBe(new HaltState(true, "keel halt", T0));
    }

    [Fact]
    public void The_connection_uses_wal_full_sync_and_a_busy_timeout()
    {
        using var store = new SqliteTradingStore(StorePath);
        store.PragmaValue("journal_mode").ShouldBe("wal");
        store.PragmaValue("synchronous").ShouldBe("2"); // FULL
        store.PragmaValue("busy_timeout").ShouldBe("10000");
    }

    [Fact]
    public void Decimals_and_times_are_stored_as_text_never_real()
    {
        using (var store = new SqliteTradingStore(StorePath))
        {
            store.Record(New(Entry()));
            store.RecordEquity(new EquitySnapshot(T0, 0.000000001m, 123456789.123456789m));
        }
        using var reader = ReadOnlyConnection();
        Scalar(reader, "SELECT typeof(quantity) || ',' || typeof(limit_price) || ',' || typeof(created_at) FROM orders").ShouldBe("text,text,text");
        Scalar(reader, "SELECT equity || ' ' || cash || ' ' || time FROM equity").ShouldBe("0.000000001 123456789.123456789 2026-03-02T14:30:00.0000000Z");
        Scalar(reader, "SELECT symbol || ' ' || side || ' ' || status FROM orders").ShouldBe("AAPL Buy New");
    }

    [Fact]
    public void A_missing_directory_is_created()
    {
        var path = _directory.Combine("state", "paper", "keel.db");
        using (var store = new SqliteTradingStore(path)) store.SetHalt(HaltState.Running);

        File.Exists(path).ShouldBeTrue();
        new SqliteTradingStore(path).Path.ShouldBe(path);
    }

    [Fact]
    public void A_file_that_is_not_a_database_is_refused_with_its_name()
    {
        var path = _directory.File("notes.db", string.Concat(Enumerable.Repeat("these are my trading notes, not a database\n", 50)));

        var error = Should.Throw<TradingStoreException>(() => new SqliteTradingStore(path));
        error.Message.ShouldContain(path);
        error.Message.ShouldContain("not a SQLite database");
        error.Message.ShouldContain("move this file away");
        File.ReadAllText(path).ShouldStartWith("these are my trading notes"); // untouched
    }

    [Fact]
    public void Another_programs_sqlite_database_is_not_taken_over()
    {
        using (var other = new SqliteConnection($"Data Source={StorePath};Pooling=False"))
        {
            other.Open();
            using var command = other.CreateCommand();
            command.CommandText = "CREATE TABLE orders (id INTEGER)";
            command.ExecuteNonQuery();
        }

        var error = Should.Throw<TradingStoreException>(() => new SqliteTradingStore(StorePath));
        error.Message.ShouldContain(StorePath);
        error.Message.ShouldContain("not a Keel store");
    }

    [Fact]
    public void A_directory_given_as_the_store_is_refused()
    {
        var error = Should.Throw<TradingStoreException>(() => new SqliteTradingStore(_directory.Path));
        error.Message.ShouldContain("is a directory");
        error.Message.ShouldContain(Path.Combine(_directory.Path, "keel.db"));
    }

    [Fact]
    public void A_directory_that_cannot_be_created_is_named()
    {
        var blocker = _directory.File("blocker", "a file where a directory should be");

        var error = Should.Throw<TradingStoreException>(() => new SqliteTradingStore(Path.Combine(blocker, "keel.db")));
        error.Message.ShouldContain(blocker);
    }

    [Fact]
    public void A_store_written_by_a_newer_keel_is_refused()
    {
        using (var store = new SqliteTradingStore(StorePath)) store.SetHalt(HaltState.Running);
        using (var connection = new SqliteConnection($"Data Source={StorePath};Pooling=False"))
        {
            connection.Open();
            using var command = connection.CreateCommand();
            command.CommandText = "INSERT INTO schema_version (version, description, applied_at) VALUES (99, 'future', '2030-01-01T00:00:00.0000000Z')";
            command.ExecuteNonQuery();
        }

        var error = Should.Throw<TradingStoreException>(() => new SqliteTradingStore(StorePath));
        error.Message.ShouldContain("schema version 99");
        error.Message.ShouldContain("upgrade Keel");
    }

    private SqliteConnection ReadOnlyConnection()
    {
        var connection = new SqliteConnection(new SqliteConnectionStringBuilder { DataSource = StorePath, Mode = SqliteOpenMode.ReadOnly, Pooling = false }.ToString());
        connection.Open();
        return connection;
    }

    private static string? Scalar(SqliteConnection connection, string sql, SqliteTransaction? transaction = null)
    {
        using var command = connection.CreateCommand();
        command.Transaction = transaction;
        command.CommandText = sql;
        return Convert.ToString(command.ExecuteScalar(), System.Globalization.CultureInfo.InvariantCulture);
    }

    public void Dispose() => _directory.Dispose();
}
