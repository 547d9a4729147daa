using System.Net;
using Keel.AlpacaSim.Data;
using Keel.AlpacaSim.Faults;
using Keel.AlpacaSim.Http;
using Keel.AlpacaSim.Market;
using Keel.AlpacaSim.Trading;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;

namespace Keel.AlpacaSim;

/// <summary>
/// A running Alpaca-compatible server. Serves the trading and market-data paths on one base URL (point
/// both of the client's URLs at <see cref="BaseUrl"/>), and hands tests direct control: the clock, faults,
/// quotes, bars, the account's orders and the request log.
/// </summary>
public sealed class SimServer : IAsyncDisposable
{
    private readonly WebApplication _app;
    private readonly CancellationTokenSource _stopTicking = new();
    private Task _ticking = Task.CompletedTask;

    private SimServer(WebApplication app, Uri baseUrl, SimClock clock, SimFaults faults, QuoteBook quotes, BarStore bars,
        SimBroker broker, SimRequestLog requests, SimTradeUpdates tradeUpdates)
    {
        TradeUpdates = tradeUpdates;
        _app = app;
        BaseUrl = baseUrl;
        Clock = clock;
        Faults = faults;
        Quotes = quotes;
        Bars = bars;
        Broker = broker;
        Requests = requests;
    }

    public Uri BaseUrl { get; }
    public SimClock Clock { get; }
    public SimFaults Faults { get; }
    public QuoteBook Quotes { get; }
    public BarStore Bars { get; }
    public SimBroker Broker { get; }
    public SimRequestLog Requests { get; }
    /// <summary>The trade-updates stream's listeners (<see cref="SimTradeUpdates.DisconnectAll"/> drops them).</summary>
    public SimTradeUpdates TradeUpdates { get; }

    /// <summary>Starts listening (port 0 picks a free loopback port) and returns once requests are accepted.</summary>
    public static async Task<SimServer> StartAsync(SimOptions options, CancellationToken ct = default)
    {
        ArgumentNullException.ThrowIfNull(options);
        var clock = new SimClock(options.StartTime ?? TimeProvider.System.GetUtcNow(), options.Speed);
        var hours = new MarketHours(options.Calendar);
        var bars = new BarStore();
        if (options.DataDirectory is { } directory) BarCsvLoader.LoadFolder(directory, bars);
        var quotes = new QuoteBook(bars, clock, options.HalfSpread);
        var assets = new AssetCatalog(bars, quotes, options.ExtraSymbols);
        var faults = new SimFaults();
        var tradeUpdates = new SimTradeUpdates();
        var broker = new SimBroker(clock, hours, quotes, bars, assets, faults, tradeUpdates, options.StartingCash, options.CryptoMinimumNotional, options.CryptoFeeRate);
        var requests = new SimRequestLog();

        var builder = WebApplication.CreateSlimBuilder(new WebApplicationOptions { Args = [] });
        builder.WebHost.ConfigureKestrel(kestrel => kestrel.Listen(ListenAddress(options.Host), options.Port));
        if (!options.ConsoleLogging) builder.Logging.ClearProviders();
        var app = builder.Build();

        app.UseWebSockets();
        var middleware = new SimMiddleware(options, faults, clock, requests);
        app.Use((context, next) => middleware.InvokeAsync(context, () => next(context)));
        TradingEndpoints.Map(app, broker, clock, hours, assets, faults);
        MarketDataEndpoints.Map(app, bars, quotes, clock);
        AdminEndpoints.Map(app, clock, hours, faults, quotes, broker, requests);
        StreamEndpoint.Map(app, options, tradeUpdates);

        await app.StartAsync(ct).ConfigureAwait(false);
        var address = app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First();
        var server = new SimServer(app, new Uri(address), clock, faults, quotes, bars, broker, requests, tradeUpdates);
        if (options.TickInterval is { } tick) server._ticking = server.TickAsync(tick);
        return server;
    }

    /// <summary>Runs until Ctrl+C or SIGTERM (the executable's use).</summary>
    public Task WaitForShutdownAsync(CancellationToken ct = default) => _app.WaitForShutdownAsync(ct);

    /// <summary>Moves the book along with the clock while nobody asks (see <see cref="SimOptions.TickInterval"/>).</summary>
    private async Task TickAsync(TimeSpan interval)
    {
        using var timer = new PeriodicTimer(interval);
        try
        {
            while (await timer.WaitForNextTickAsync(_stopTicking.Token).ConfigureAwait(false)) Broker.Process();
        }
        catch (OperationCanceledException)
        {
            // Stopping.
        }
    }

    public async ValueTask DisposeAsync()
    {
        await _stopTicking.CancelAsync().ConfigureAwait(false);
        await _ticking.ConfigureAwait(false);
        _stopTicking.Dispose();
        await _app.StopAsync().ConfigureAwait(false);
        await _app.DisposeAsync().ConfigureAwait(false);
    }

    private static IPAddress ListenAddress(string host) =>
        host is "localhost" ? IPAddress.Loopback : IPAddress.Parse(host);
}
