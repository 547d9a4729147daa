namespace Keel.Storage.Tests;

/// <summary>
/// A theory that needs a PostgreSQL server (<see cref="PostgresTestServer"/>): skipped without one,
/// except in CI, where it runs and fails.
/// </summary>
public sealed class PostgresTheoryAttribute : TheoryAttribute
{
    public PostgresTheoryAttribute()
    {
        if (PostgresTestServer.SkipReason is { } reason) Skip = reason;
    }
}
