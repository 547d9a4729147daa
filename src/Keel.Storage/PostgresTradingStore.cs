using Keel.Storage.Migrations;
using Keel.Storage.Sql;
using Npgsql;

namespace Keel.Storage;

/// <summary>
/// The store on a PostgreSQL server, for when several machines or a managed database should hold the
/// journal. Same schema and SQL as SQLite; the tables live in the connection's search path, so one
/// database can hold several stores in separate schemas.
/// </summary>
public sealed partial class PostgresTradingStore : DbTradingStore
{
    /// <summary>Connects with <paramref name="connectionString"/> (Npgsql's format) and migrates the schema.</summary>
    public PostgresTradingStore(string connectionString) : base(Open(connectionString, out var description), description) { }

    private protected override string UnixMsSql(string column) => $"CAST(ROUND(EXTRACT(EPOCH FROM CAST({column} AS TIMESTAMPTZ)) * 1000) AS BIGINT)";

    private static NpgsqlConnection Open(string connectionString, out string description)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(connectionString);
        NpgsqlConnectionStringBuilder builder;
        try
        {
            builder = new NpgsqlConnectionStringBuilder(connectionString);
        }
        catch (Exception e) when (e is ArgumentException or FormatException or KeyNotFoundException)
        {
            throw new TradingStoreException($"The PostgreSQL connection string is not valid: {e.Message}", e);
        }
        // Named without the password: this text ends up in logs and error messages.
        description = $"PostgreSQL store {builder.Database ?? "(default database)"} on {builder.Host ?? "localhost"}:{builder.Port}";
        var connection = new NpgsqlConnection(connectionString);
        try
        {
            connection.Open();
            Migrator.Apply(connection, SqlDialect.Postgres, Schema.Migrations, $"The {description}");
            return connection;
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
