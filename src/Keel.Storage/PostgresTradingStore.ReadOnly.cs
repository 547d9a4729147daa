using Npgsql;

namespace Keel.Storage;

/// <summary>A reader's view of a PostgreSQL store: every transaction read-only, no migration.</summary>
public sealed partial class PostgresTradingStore
{
    private PostgresTradingStore(NpgsqlConnection connection, string description) : base(connection, description) { }

    public static PostgresTradingStore OpenReadOnly(string connectionString)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(connectionString);
        NpgsqlConnectionStringBuilder builder;
        try
        {
            builder = new NpgsqlConnectionStringBuilder(connectionString) { Options = "-c default_transaction_read_only=on" };
        }
        catch (Exception e) when (e is ArgumentException or FormatException or KeyNotFoundException)
        {
            throw new TradingStoreException($"The PostgreSQL connection string is not valid: {e.Message}", e);
        }
        var description = $"PostgreSQL store {builder.Database ?? "(default database)"} on {builder.Host ?? "localhost"}:{builder.Port} (read-only)";
        var connection = new NpgsqlConnection(builder.ToString());
        try
        {
            connection.Open();
            ReadOnlyStores.CheckVersion(connection, $"The {description}");
            return new PostgresTradingStore(connection, description);
        }
        catch (NpgsqlException e)
        {
            connection.Dispose();
            throw new TradingStoreException($"Cannot open the {description}: {e.Message}. Check the connection string and that the server is running.", e);
        }
        catch
        {
            connection.Dispose();
            throw;
        }
    }
}
