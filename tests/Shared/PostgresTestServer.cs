using Npgsql;

namespace Keel.Testing;

/// <summary>
/// The PostgreSQL server the tests use: KEEL_TEST_POSTGRES holds an Npgsql connection string (.ci/run
/// starts a throwaway cluster and sets it). Outside CI a missing server skips these tests; in CI
/// (CI=true) it is a failure, so the PostgreSQL store can never go untested there.
/// </summary>
public static class PostgresTestServer
{
    public static string? ConnectionString { get; } = Environment.GetEnvironmentVariable("KEEL_TEST_POSTGRES");

    public static bool InCi => string.Equals(Environment.GetEnvironmentVariable("CI"), "true", StringComparison.OrdinalIgnoreCase);

    /// <summary>Why the tests are skipped here, or null when they run (always null in CI).</summary>
    public static string? SkipReason =>
        !string.IsNullOrWhiteSpace(ConnectionString) || InCi ? null : "no PostgreSQL server: set KEEL_TEST_POSTGRES to a connection string to run";

    public static string RequireConnectionString() =>
        string.IsNullOrWhiteSpace(ConnectionString)
            ? throw new InvalidOperationException("KEEL_TEST_POSTGRES is not set: CI must start a PostgreSQL server (.ci/postgres).")
            : ConnectionString;

    /// <summary>Creates a schema of its own and returns a connection string whose search path is it.</summary>
    public static string CreateSchema(string schema)
    {
        var server = RequireConnectionString();
        Execute(server, $"CREATE SCHEMA {schema}");
        return new NpgsqlConnectionStringBuilder(server) { SearchPath = schema }.ToString();
    }

    public static void DropSchema(string schema)
    {
        NpgsqlConnection.ClearAllPools();
        Execute(RequireConnectionString(), $"DROP SCHEMA IF EXISTS {schema} CASCADE");
    }

    public static string NewSchemaName() => "keel_test_" + Guid.NewGuid().ToString("N");

    private static void Execute(string connectionString, string sql)
    {
        using var connection = new NpgsqlConnection(connectionString);
        connection.Open();
        using var command = connection.CreateCommand();
        command.CommandText = sql;
        command.ExecuteNonQuery();
    }
}

/// <summary>A fact that needs the PostgreSQL server of <see cref="PostgresTestServer"/>.</summary>
public sealed class PostgresFactAttribute : Xunit.FactAttribute
{
    public PostgresFactAttribute()
    {
        if (PostgresTestServer.SkipReason is { } reason) Skip = reason;
    }
}
