using Keel.AlpacaSim;

namespace Keel.Alpaca.Tests;

/// <summary>
/// An in-process sim on a free loopback port plus a client pointed at it. The sim clock is frozen on a
/// Tuesday at 10:00 New York time (market open) unless a test moves it; quotes for AAPL and BTC/USD are set.
/// </summary>
internal sealed class SimHarness : IAsyncDisposable
{
    public const string KeyId = "PKTESTKEYID0001";
    public const string SecretKey = "sEcReT-test-0001-do-not-leak";
    public static readonly DateTimeOffset MarketOpen = new(2024, 1, 2, 15, 0, 0, TimeSpan.Zero);

    private SimHarness(SimServer sim, AlpacaClient client, InstantDelayTimeProvider time, ListLogger log)
    {
        Sim = sim;
        Client = client;
        Time = time;
        Log = log;
    }

    public SimServer Sim { get; }
    public AlpacaClient Client { get; }
    public InstantDelayTimeProvider Time { get; }
    public ListLogger Log { get; }

    public static async Task<SimHarness> StartAsync(Action<SimOptions>? configureSim = null, Action<AlpacaOptions>? configureClient = null)
    {
        var simOptions = new SimOptions { StartTime = MarketOpen, Speed = 0 };
        configureSim?.Invoke(simOptions);
        var sim = await SimServer.StartAsync(simOptions);
        sim.Quotes.Set("AAPL", 100.00m, 100.02m);
        sim.Quotes.Set("BTC/USD", 42000m, 42010m, 1.5m, 2m);
        var time = new InstantDelayTimeProvider(simOptions.StartTime!.Value);
        var log = new ListLogger();
        var client = new AlpacaClient(ClientOptions(sim.BaseUrl, configureClient), timeProvider: time, logger: log);
        return new SimHarness(sim, client, time, log);
    }

    public static AlpacaOptions ClientOptions(Uri baseUrl, Action<AlpacaOptions>? configure = null)
    {
        var options = new AlpacaOptions
        {
            KeyId = KeyId,
            SecretKey = SecretKey,
            TradingBaseUrl = baseUrl,
            DataBaseUrl = baseUrl,
            RequestTimeout = TimeSpan.FromSeconds(10),
            RetryBaseDelay = TimeSpan.FromMilliseconds(100),
        };
        configure?.Invoke(options);
        return options;
    }

    /// <summary>A second client on the same sim, for other keys or settings.</summary>
    public AlpacaClient NewClient(Action<AlpacaOptions> configure) =>
        new(ClientOptions(Sim.BaseUrl, configure), timeProvider: Time, logger: Log);

    public int RequestCount(string method, string pathPrefix) =>
        Sim.Requests.All().Count(r => r.Method == method && r.Path.StartsWith(pathPrefix, StringComparison.Ordinal));

    public async ValueTask DisposeAsync()
    {
        Client.Dispose();
        await Sim.DisposeAsync();
    }
}
