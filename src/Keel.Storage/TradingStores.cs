using Keel.Core.Persistence;

namespace Keel.Storage;

/// <summary>Opens the configured store: PostgreSQL when a connection string is configured, otherwise the SQLite file.</summary>
public static class TradingStores
{
    public static ITradingStore Open(string? sqlitePath, string? postgresConnectionString)
    {
        if (!string.IsNullOrWhiteSpace(postgresConnectionString)) return new PostgresTradingStore(postgresConnectionString);
        if (!string.IsNullOrWhiteSpace(sqlitePath)) return new SqliteTradingStore(sqlitePath);
        throw new ArgumentException("No trading store configured: give a SQLite file path or a PostgreSQL connection string.");
    }
}
