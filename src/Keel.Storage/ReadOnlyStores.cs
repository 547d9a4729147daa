using System.Data.Common;
using Keel.Core.Persistence;
using Keel.Storage.Migrations;
using Keel.Storage.Sql;

namespace Keel.Storage;

/// <summary>Opens the configured store for reading only (the dashboard): PostgreSQL when configured, otherwise the SQLite file.</summary>
public static class ReadOnlyStores
{
    public static ITradingStoreReader Open(string? sqlitePath, string? postgresConnectionString)
    {
        if (!string.IsNullOrWhiteSpace(postgresConnectionString)) return PostgresTradingStore.OpenReadOnly(postgresConnectionString);
        if (!string.IsNullOrWhiteSpace(sqlitePath)) return SqliteTradingStore.OpenReadOnly(sqlitePath);
        throw new ArgumentException("No trading store configured: give a SQLite file path or a PostgreSQL connection string.");
    }

    /// <summary>A reader migrates nothing: the store must already be a Keel store, at a version this Keel knows.</summary>
    internal static void CheckVersion(DbConnection connection, string storeName)
    {
        long version;
        try
        {
            version = Migrator.CurrentVersion(connection, null);
        }
        catch (DbException e)
        {
            throw new TradingStoreException($"{storeName} is not a Keel store (it has no schema_version): {e.Message}", e);
        }
        var newest = Schema.Migrations.Max(m => m.Version);
        if (version > newest)
            throw new TradingStoreException($"{storeName} has schema version {version}, newer than this Keel knows ({newest}); upgrade Keel.");
        if (version == 0)
            throw new TradingStoreException($"{storeName} has no schema yet: start keel paper (or live) once to create it.");
    }
}
