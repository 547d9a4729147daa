namespace Keel.Storage.Tests;

/// <summary>The store contract on a real SQLite file in a temp folder (never an in-memory database).</summary>
public sealed class SqliteStoreContractTests : StoreContract, IDisposable
{
    private readonly TempDirectory _directory = new();

    protected override DbTradingStore Open() => new SqliteTradingStore(_directory.Combine("keel.db"));

    [Theory]
    [MemberData(nameof(Scenarios), MemberType = typeof(StoreContract))]
    public void Holds(string scenario) => Run(scenario);

    public void Dispose() => _directory.Dispose();
}
