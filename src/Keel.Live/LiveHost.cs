using Keel.Alpaca;
using Keel.Alpaca.Execution;
using Keel.Alerts;
using Keel.Core.Persistence;
using Keel.Live.Alerts;
using Keel.Live.Config;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Serilog;
using Serilog.Events;

namespace Keel.Live;

/// <summary>
/// Builds the generic host of <c>keel paper</c> / <c>keel live</c>: Serilog to the console and to daily
/// files <c>{logs}/live_YYYYMMDD.log</c>, systemd integration (notify, journal-friendly console), the
/// store, the Alpaca client (<see cref="AlpacaServiceCollectionExtensions.AddAlpacaClient(IServiceCollection, AlpacaOptions)"/>),
/// market data and execution port, and the trading service.
/// </summary>
public static class LiveHost
{
    public static IHost Build(LiveSettings settings, AlpacaOptions alpaca, Func<LiveSettings, ITradingStore> openStore, CrashPoints crash)
    {
        Directory.CreateDirectory(settings.LogDirectory);
        var builder = Host.CreateApplicationBuilder(new HostApplicationBuilderSettings { DisableDefaults = true });
        builder.Services.AddSystemd();
        builder.Services.AddSerilog(new LoggerConfiguration()
            .MinimumLevel.Information()
            .MinimumLevel.Override("Microsoft", LogEventLevel.Warning)
            .MinimumLevel.Override("System.Net.Http", LogEventLevel.Warning)
            .WriteTo.Console(formatProvider: System.Globalization.CultureInfo.InvariantCulture)
            .WriteTo.File(Path.Combine(settings.LogDirectory, "live_.log"), rollingInterval: RollingInterval.Day,
                formatProvider: System.Globalization.CultureInfo.InvariantCulture, shared: true)
            .CreateLogger(), dispose: true);

        builder.Services.AddSingleton(settings);
        builder.Services.AddSingleton(TimeProvider.System);
        builder.Services.AddSingleton(crash);
        builder.Services.AddSingleton(_ => openStore(settings));
        // The one Alpaca client set-up (AddAlpacaClient: its retry policy as a resilience handler), with the
        // crash point at the bottom of its HTTP stack.
        builder.Services.AddAlpacaClient(alpaca).ConfigurePrimaryHttpMessageHandler(() => new CrashAfterOrderAccepted(crash));
        builder.Services.AddSingleton(sp => new AlpacaExecutionPort(sp.GetRequiredService<AlpacaClient>(), sp.GetRequiredService<TimeProvider>(),
            new AlpacaExecutionOptions { FillTimeout = settings.FillTimeout, CryptoMinimumNotional = settings.CryptoMinimumNotional }));
        // The session sees the broker only through Core's ports; these are Alpaca's adapters of them.
        builder.Services.AddSingleton(sp => new LiveSession(settings, new AlpacaBrokerAccount(sp.GetRequiredService<AlpacaClient>()),
            new AlpacaMarketData(sp.GetRequiredService<AlpacaClient>(), settings.Feed), sp.GetRequiredService<AlpacaExecutionPort>(),
            sp.GetRequiredService<ITradingStore>(), sp.GetRequiredService<TimeProvider>(),
            sp.GetRequiredService<ILoggerFactory>().CreateLogger("Keel.Live"), crash, sp.GetRequiredService<AlertCenter>()));
        // Alerts: the center queues in the store; the sender delivers beside the cycle (registered first, so it stops last).
        builder.Services.AddSingleton(_ => new HttpClient { Timeout = TimeSpan.FromSeconds(30) });
        builder.Services.AddSingleton(sp => new AlertCenter(sp.GetRequiredService<ITradingStore>(), settings.Alerts.Sinks,
            sp.GetRequiredService<TimeProvider>(), sp.GetRequiredService<ILoggerFactory>().CreateLogger("Keel.Alerts")));
        builder.Services.AddSingleton(sp =>
        {
            var http = sp.GetRequiredService<HttpClient>();
            var sender = new AlertSender(sp.GetRequiredService<ITradingStore>(), settings.Alerts.Sinks.Select(s => s.Create(http)),
                sp.GetRequiredService<TimeProvider>(), sp.GetRequiredService<ILoggerFactory>().CreateLogger("Keel.Alerts"),
                AlertDeliveryService.OwnerPrefix + Environment.ProcessId, crash.Reach);
            sp.GetRequiredService<AlertCenter>().Queued = sender.Wake;
            return sender;
        });
        builder.Services.AddSingleton(sp => new HeartbeatPinger(settings.Alerts.HeartbeatUrl, sp.GetRequiredService<HttpClient>()));
        builder.Services.AddHostedService<AlertDeliveryService>();
        builder.Services.AddHostedService<TradingService>();
        return builder.Build();
    }
}
