using Keel.Storage.Migrations;
using Microsoft.Data.Sqlite;

namespace Keel.Storage;

/// <summary>
/// A reader's view of a store another process writes (the dashboard beside the service): opened read-only
/// and query-only, never created or migrated, so a viewer can neither change the journal nor its schema.
/// WAL lets it read while the service writes.
/// </summary>
public sealed partial class SqliteTradingStore
{
    public static SqliteTradingStore OpenReadOnly(string path)
    {
        var full = FullPath(path);
        if (!File.Exists(full))
            throw new TradingStoreException($"There is no store at {full} yet: keel paper (or live) creates it on its first start.");
        var connection = new SqliteConnection(new SqliteConnectionStringBuilder
        {
            DataSource = full,
            Mode = SqliteOpenMode.ReadOnly,
            Pooling = false,
            DefaultTimeout = (int)BusyTimeout.TotalSeconds,
        }.ToString());
        try
        {
            connection.Open();
            Pragma(connection, $"PRAGMA busy_timeout = {(int)BusyTimeout.TotalMilliseconds}");
            Pragma(connection, "PRAGMA query_only = ON");
            ReadOnlyStores.CheckVersion(connection, $"The SQLite store '{full}'");
            return new SqliteTradingStore((full, connection));
        }
        catch (SqliteException e) when (e.SqliteErrorCode is NotADatabase or Corrupt)
        {
            connection.Dispose();
            throw new TradingStoreException($"'{full}' is not a SQLite database (or is damaged), so it cannot be a Keel store.", e);
        }
        catch (SqliteException e)
        {
            connection.Dispose();
            throw new TradingStoreException($"Cannot open the SQLite store '{full}' for reading: {e.Message}", e);
        }
        catch
        {
            connection.Dispose();
            throw;
        }
    }
}
