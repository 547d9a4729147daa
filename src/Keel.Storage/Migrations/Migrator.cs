using System.Data.Common;
using Keel.Storage.Sql;

namespace Keel.Storage.Migrations;

/// <summary>
/// Brings a database up to the newest schema at open: creates <c>schema_version</c> if needed, then
/// applies, in one transaction, only the migrations it does not list yet. Opening a current store
/// changes nothing.
/// </summary>
internal static class Migrator
{
    /// <summary>Applies what is missing; returns the versions applied now (empty when the store was current).</summary>
    public static IReadOnlyList<int> Apply(DbConnection connection, SqlDialect dialect, IReadOnlyList<Migration> migrations, string storeName)
    {
        using var transaction = connection.BeginTransaction();
        connection.Command(transaction,
            "CREATE TABLE IF NOT EXISTS schema_version (version BIGINT PRIMARY KEY, description TEXT NOT NULL, applied_at TEXT NOT NULL)").Run();
        if (dialect.MigrationLock is { } lockSql) connection.Command(transaction, lockSql).Run();

        var current = CurrentVersion(connection, transaction);
        var newest = migrations.Count == 0 ? 0 : migrations.Max(m => m.Version);
        if (current > newest)
            throw new TradingStoreException($"{storeName} has schema version {current}, newer than this Keel knows ({newest}); upgrade Keel or open another store.");

        var applied = new List<int>();
        foreach (var migration in migrations.Where(m => m.Version > current).OrderBy(m => m.Version))
        {
            foreach (var statement in migration.Statements) connection.Command(transaction, dialect.Ddl(statement)).Run();
            connection.Command(transaction, "INSERT INTO schema_version (version, description, applied_at) VALUES (@version, @description, @at)")
                .With("@version", migration.Version)
                .With("@description", migration.Description)
                .With("@at", TimeProvider.System.GetUtcNow().UtcDateTime)
                .Run();
            applied.Add(migration.Version);
        }
        transaction.Commit();
        return applied;
    }

    public static long CurrentVersion(DbConnection connection, DbTransaction? transaction)
    {
        using var command = connection.Command(transaction, "SELECT MAX(version) FROM schema_version");
        return command.ExecuteScalar() is long version ? version : 0;
    }
}
