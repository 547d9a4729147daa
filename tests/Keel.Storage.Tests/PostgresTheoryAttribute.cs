namespace Keel.Storage.Tests;

/// <summary>
/// A theory that needs a PostgreSQL server: set KEEL_TEST_POSTGRES to an Npgsql connection string (each
/// test works in a schema of its own and drops it). Without it the tests are reported as skipped.
/// </summary>
public sealed class PostgresTheoryAttribute : TheoryAttribute
{
    public static string? ConnectionString { get; } = Environment.GetEnvironmentVariable("KEEL_TEST_POSTGRES");

    public PostgresTheoryAttribute()
    {
        if (string.IsNullOrWhiteSpace(ConnectionString)) Skip = "no PostgreSQL server: set KEEL_TEST_POSTGRES to a connection string to run";
    }
}
