using Keel.Storage.Migrations;
using Keel.Storage.Sql;
using Microsoft.Data.Sqlite;

namespace Keel.Storage;

/// <summary>
/// The default store: one SQLite file. Write-ahead logging lets <c>keel status</c> read and <c>keel halt</c>
/// write from another process while the service runs; synchronous=FULL makes each commit durable when it
/// returns; a busy timeout makes a second writer wait for the first instead of failing.
/// </summary>
public sealed partial class SqliteTradingStore : DbTradingStore
{
    /// <summary>How long a write waits for another process's write to finish.</summary>
    internal static readonly TimeSpan BusyTimeout = TimeSpan.FromSeconds(10);

    /// <summary>SQLITE_NOTADB and SQLITE_CORRUPT: the file exists but is not (or no longer) a SQLite database.</summary>
    private const int NotADatabase = 26, Corrupt = 11;

    /// <summary>Opens (creating the file and its directory if needed) and migrates the store at <paramref name="path"/>.</summary>
    public SqliteTradingStore(string path) : this(Open(FullPath(path))) { }

    private SqliteTradingStore((string Path, SqliteConnection Connection) opened) : base(opened.Connection, $"SQLite store {opened.Path}") =>
        Path = opened.Path;

    /// <summary>The store's file, as a full path.</summary>
    public string Path { get; }

    /// <summary>A pragma's value on this store's connection (for tests: the per-connection settings cannot be seen from outside).</summary>
    internal string? PragmaValue(string name) => Read(c => Pragma((SqliteConnection)c, "PRAGMA " + name));

    private static string FullPath(string path)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(path);
        try
        {
            return System.IO.Path.GetFullPath(path);
        }
        catch (Exception e) when (e is ArgumentException or NotSupportedException or PathTooLongException)
        {
            throw new TradingStoreException($"'{path}' is not a usable path for the SQLite store: {e.Message}", e);
        }
    }

    private static (string, SqliteConnection) Open(string path)
    {
        if (Directory.Exists(path))
            throw new TradingStoreException($"The SQLite store '{path}' is a directory; give the path of a file in it (for example {System.IO.Path.Combine(path, "keel.db")}).");
        CreateDirectoryOf(path);

        var connection = new SqliteConnection(new SqliteConnectionStringBuilder
        {
            DataSource = path,
            Mode = SqliteOpenMode.ReadWriteCreate,
            Pooling = false, // Dispose really closes the file, so other processes and tests see it released
            DefaultTimeout = (int)BusyTimeout.TotalSeconds,
        }.ToString());
        try
        {
            connection.Open();
            Pragma(connection, $"PRAGMA busy_timeout = {(int)BusyTimeout.TotalMilliseconds}");
            var mode = Pragma(connection, "PRAGMA journal_mode = WAL");
            if (!string.Equals(mode, "wal", StringComparison.OrdinalIgnoreCase))
                throw new TradingStoreException($"The SQLite store '{path}' cannot use write-ahead logging (journal mode stays '{mode}'); put it on a local disk.");
            Pragma(connection, "PRAGMA synchronous = FULL");
            RefuseForeignDatabase(connection, path);
            Migrator.Apply(connection, SqlDialect.Sqlite, Schema.Migrations, $"The SQLite store '{path}'");
            return (path, connection);
        }
        catch (SqliteException e) when (e.SqliteErrorCode is NotADatabase or Corrupt)
        {
            connection.Dispose();
            throw new TradingStoreException($"'{path}' is not a SQLite database (or is damaged), so it cannot be a Keel store. Give another path for the store, or move this file away and start a new one.", e);
        }
        catch (SqliteException e)
        {
            connection.Dispose();
            throw new TradingStoreException($"Cannot open the SQLite store '{path}': {e.Message}", e);
        }
        catch
        {
            connection.Dispose();
            throw;
        }
    }

    private static void CreateDirectoryOf(string path)
    {
        var directory = System.IO.Path.GetDirectoryName(path);
        if (string.IsNullOrEmpty(directory)) return;
        try
        {
            Directory.CreateDirectory(directory);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            throw new TradingStoreException($"Cannot create the directory '{directory}' for the SQLite store: {e.Message}", e);
        }
    }

    /// <summary>A SQLite file that has tables but no schema_version belongs to something else: do not add Keel's tables to it.</summary>
    private static void RefuseForeignDatabase(SqliteConnection connection, string path)
    {
        using var command = connection.CreateCommand();
        command.CommandText = "SELECT COUNT(*), SUM(name = 'schema_version') FROM sqlite_master WHERE type = 'table'";
        using var reader = command.ExecuteReader();
        reader.Read();
        var tables = reader.GetInt64(0);
        var hasVersion = !reader.IsDBNull(1) && reader.GetInt64(1) > 0;
        if (tables > 0 && !hasVersion)
            throw new TradingStoreException($"'{path}' is a SQLite database but not a Keel store (it has tables and no schema_version). Give another path for the store.");
    }

    private static string? Pragma(SqliteConnection connection, string pragma)
    {
        using var command = connection.CreateCommand();
        command.CommandText = pragma;
        return command.ExecuteScalar()?.ToString();
    }
}
