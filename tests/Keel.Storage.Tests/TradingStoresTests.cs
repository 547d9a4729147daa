using Keel.Core.Persistence;

namespace Keel.Storage.Tests;

public sealed class TradingStoresTests : IDisposable
{
    private readonly TempDirectory _directory = new();

    [Fact]
    public void A_sqlite_path_opens_the_sqlite_store()
    {
        using var store = TradingStores.Open(_directory.Combine("keel.db"), postgresConnectionString: null);
        store.ShouldBeOfType<SqliteTradingStore>().Path.ShouldBe(_directory.Combine("keel.db"));
        store.Halt().ShouldBe(HaltState.Running);
    }

    [Fact]
    public void A_postgres_connection_string_wins_over_the_sqlite_default()
    {
        // Nothing listens on port 1 here: the failure shows the PostgreSQL store was chosen, named without the password.
        var error = Should.Throw<TradingStoreException>(() =>
            TradingStores.Open(_directory.Combine("keel.db"), "Host=127.0.0.1;Port=1;Database=keel;Username=k;Password=secret;Timeout=2"));
        error.Message.ShouldContain("PostgreSQL store keel on 127.0.0.1:1");
        error.Message.ShouldNotContain("secret");
        File.Exists(_directory.Combine("keel.db")).ShouldBeFalse();
    }

    [Fact]
    public void No_store_configured_is_an_error()
    {
        Should.Throw<ArgumentException>(() => TradingStores.Open(null, " "));
    }

    public void Dispose() => _directory.Dispose();
}
