using Npgsql;

namespace Keel.Storage.Tests;

/// <summary>
/// The store contract on PostgreSQL, when KEEL_TEST_POSTGRES names a server: each test gets a schema of
/// its own (through the connection's search path) and drops it at the end.
/// </summary>
public sealed class PostgresStoreContractTests : StoreContract, IDisposable
{
    private readonly string _schema = "keel_test_" + Guid.NewGuid().ToString("N");
    private string? _connectionString;

    protected override DbTradingStore Open()
    {
        if (_connectionString is null)
        {
            var server = PostgresTheoryAttribute.ConnectionString ?? throw new InvalidOperationException("KEEL_TEST_POSTGRES is not set.");
            Execute(server, $"CREATE SCHEMA {_schema}");
            _connectionString = new NpgsqlConnectionStringBuilder(server) { SearchPath = _schema }.ToString();
        }
        return new PostgresTradingStore(_connectionString);
    }

    [PostgresTheory]
    [MemberData(nameof(Scenarios), MemberType = typeof(StoreContract))]
    public void Holds(string scenario) => Run(scenario);

    public void Dispose()
    {
        if (_connectionString is null) return;
        NpgsqlConnection.ClearAllPools();
        Execute(PostgresTheoryAttribute.ConnectionString!, $"DROP SCHEMA IF EXISTS {_schema} CASCADE");
    }

    private static void Execute(string connectionString, string sql)
    {
        using var connection = new NpgsqlConnection(connectionString);
        connection.Open();
        using var command = connection.CreateCommand();
        command.CommandText = sql;
        command.ExecuteNonQuery();
    }
}
