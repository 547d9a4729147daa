namespace Keel.Alpaca.Tests;

/// <summary>A fresh sim and client per test: no state leaks between tests.</summary>
public abstract class SimTestBase : IAsyncLifetime
{
    private SimHarness? _harness;

    internal SimHarness H => _harness ?? throw new InvalidOperationException("The sim has not started.");
    internal AlpacaClient Client => H.Client;

    public async Task InitializeAsync() => _harness = await SimHarness.StartAsync(ConfigureSim, ConfigureClient);

    public virtual async Task DisposeAsync()
    {
        if (_harness is not null) await _harness.DisposeAsync();
    }

    private protected virtual void ConfigureSim(Keel.AlpacaSim.SimOptions options) { }

    private protected virtual void ConfigureClient(AlpacaOptions options) { }
}
