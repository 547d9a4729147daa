using Microsoft.Extensions.Http.Resilience;
using Microsoft.Extensions.Logging;
using Polly;

namespace Keel.Alpaca.Http;

/// <summary>
/// The HTTP stack under an <see cref="AlpacaClient"/> built without dependency injection (the CLI's, the
/// tests'): the same handlers, in the same order, as <see cref="AlpacaServiceCollectionExtensions.AddAlpacaClient"/>
/// registers for the service: retries (<see cref="AlpacaResilience"/>), then a time limit per attempt, then the
/// connection. So service, CLI and tests retry the same requests the same way.
/// </summary>
internal static class AlpacaHandlers
{
    public static HttpMessageHandler Create(AlpacaOptions options, TimeProvider time, ILogger logger, HttpMessageHandler primary)
    {
        var builder = new ResiliencePipelineBuilder<HttpResponseMessage> { TimeProvider = time };
        AlpacaResilience.Configure(builder, options, time, logger);
        return new ResilienceHandler(builder.Build())
        {
            InnerHandler = new AttemptTimeoutHandler(options.RequestTimeout) { InnerHandler = primary },
        };
    }

    /// <summary>
    /// The options the client itself runs with above the handlers: no retries of its own, and a call may
    /// last as long as every attempt and wait the handler can make.
    /// </summary>
    public static AlpacaOptions ClientOptions(AlpacaOptions options) => new()
    {
        KeyId = options.KeyId,
        SecretKey = options.SecretKey,
        Paper = options.Paper,
        TradingBaseUrl = options.TradingBaseUrl,
        DataBaseUrl = options.DataBaseUrl,
        MaxReadRetries = 0,
        RetryBaseDelay = options.RetryBaseDelay,
        MaxRetryDelay = options.MaxRetryDelay,
        RequestTimeout = options.RequestTimeout * (options.MaxReadRetries + 1) + options.MaxRetryDelay * options.MaxReadRetries,
    };
}
