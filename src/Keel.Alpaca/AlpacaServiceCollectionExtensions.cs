using Keel.Alpaca.Http;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace Keel.Alpaca;

/// <summary>Registers <see cref="AlpacaClient"/> for dependency injection, its retries as an HTTP resilience handler.</summary>
public static class AlpacaServiceCollectionExtensions
{
    /// <summary>
    /// Adds <see cref="AlpacaClient"/> as a typed HttpClient configured from <paramref name="configuration"/>
    /// (the keys of <see cref="AlpacaOptions.FromConfiguration"/>, e.g. the "Alpaca" section). Retries are the
    /// resilience handler's (<see cref="AlpacaResilience"/>: reads and cancels only, never an order submission),
    /// with <see cref="AlpacaOptions.RequestTimeout"/> per attempt; the client's own retries are turned off so
    /// the two do not multiply. Waits use the <see cref="TimeProvider"/> registered, else the system clock.
    /// </summary>
    public static IHttpClientBuilder AddAlpacaClient(this IServiceCollection services, IConfiguration configuration)
    {
        ArgumentNullException.ThrowIfNull(configuration);
        return services.AddAlpacaClient(AlpacaOptions.FromConfiguration(configuration));
    }

    /// <summary>The same, from options already read (the trading service's, from its config file and environment).</summary>
    public static IHttpClientBuilder AddAlpacaClient(this IServiceCollection services, AlpacaOptions options)
    {
        ArgumentNullException.ThrowIfNull(services);
        ArgumentNullException.ThrowIfNull(options);
        options.Validate();
        var client = services.AddHttpClient(nameof(AlpacaClient), http => http.Timeout = Timeout.InfiniteTimeSpan); // the client and the handlers time each call
        client.AddTypedClient((http, provider) => new AlpacaClient(options, http, provider.GetService<ILoggerFactory>()?.CreateLogger<AlpacaClient>()));
        // The handlers of AlpacaHandlers, in the same order: retries, then a time limit per attempt.
        client.AddResilienceHandler("alpaca", (builder, context) =>
            AlpacaResilience.Configure(builder, options, context.ServiceProvider.GetService<TimeProvider>() ?? TimeProvider.System,
                context.ServiceProvider.GetService<ILoggerFactory>()?.CreateLogger<AlpacaClient>() ?? (ILogger)Microsoft.Extensions.Logging.Abstractions.NullLogger.Instance));
        client.AddHttpMessageHandler(() => new AttemptTimeoutHandler(options.RequestTimeout));
        return client;
    }
}
