namespace Keel.Storage.Tests;

/// <summary>
/// The store contract on PostgreSQL (KEEL_TEST_POSTGRES, see <see cref="PostgresTestServer"/>): each test
/// gets a schema of its own (through the connection's search path) and drops it at the end.
/// </summary>
public sealed class PostgresStoreContractTests : StoreContract, IDisposable
{
    private readonly string _schema = PostgresTestServer.NewSchemaName();
    private string? _connectionString;

    protected override DbTradingStore Open()
    {
        _connectionString ??= PostgresTestServer.CreateSchema(_schema);
        return new PostgresTradingStore(_connectionString);
    }

    [PostgresTheory]
    [MemberData(nameof(Scenarios), MemberType = typeof(StoreContract))]
    public void Holds(string scenario) => Run(scenario);

    public void Dispose()
    {
        if (_connectionString is not null) PostgresTestServer.DropSchema(_schema);
    }
}
