using System.Net;
using Microsoft.Extensions.Http.Resilience;
using Microsoft.Extensions.Logging;
using Polly;

namespace Keel.Alpaca.Http;

/// <summary>
/// Alpaca's one retry policy, the resilience handler under every <see cref="AlpacaClient"/> (built by
/// <see cref="AlpacaServiceCollectionExtensions.AddAlpacaClient"/> or by <see cref="AlpacaHandlers"/>):
/// 429/502/503/504, dropped connections and attempt timeouts are retried up to
/// <see cref="AlpacaOptions.MaxReadRetries"/> times, waiting what Retry-After (or X-Ratelimit-Reset) asks,
/// else backing off exponentially. Only requests that can be repeated safely are retried: GETs, and DELETEs
/// of orders (a cancel). POST /v2/orders never is (the client recovers a lost order by its client order id),
/// nor PATCH, nor DELETE of positions (closing a position places an order).
/// </summary>
internal static class AlpacaResilience
{
    public static void Configure(ResiliencePipelineBuilder<HttpResponseMessage> builder, AlpacaOptions options, TimeProvider time, ILogger logger)
    {
        if (options.MaxReadRetries <= 0) return;
        builder.AddRetry(new HttpRetryStrategyOptions
        {
            ShouldHandle = args => ValueTask.FromResult(IsTransient(args.Outcome) && IsSafeToRepeat(args.Context.GetRequestMessage())),
            MaxRetryAttempts = options.MaxReadRetries,
            BackoffType = DelayBackoffType.Exponential,
            UseJitter = false,
            Delay = options.RetryBaseDelay,
            MaxDelay = options.MaxRetryDelay,
            ShouldRetryAfterHeader = false, // the delay generator reads Retry-After and X-Ratelimit-Reset itself
            DelayGenerator = args => ValueTask.FromResult(RetryAfter.From(args.Outcome.Result, time, options.MaxRetryDelay)),
            OnRetry = args =>
            {
                var request = args.Context.GetRequestMessage();
                var described = request is null ? "request" : AlpacaHttp.Describe(request.Method, request.RequestUri?.AbsolutePath ?? "");
                var outcome = args.Outcome.Exception?.Message ?? $"HTTP {(int)args.Outcome.Result!.StatusCode}";
                Log.Retrying(logger, described, outcome, args.AttemptNumber + 1, args.RetryDelay);
                args.Outcome.Result?.Dispose();
                return ValueTask.CompletedTask;
            },
        });
    }

    public static bool IsSafeToRepeat(HttpRequestMessage? request)
    {
        if (request is null) return false;
        if (request.Method == HttpMethod.Get) return true;
        return request.Method == HttpMethod.Delete
               && request.RequestUri?.AbsolutePath.StartsWith("/v2/orders", StringComparison.Ordinal) == true;
    }

    private static bool IsTransient(Outcome<HttpResponseMessage> outcome) =>
        outcome.Exception is HttpRequestException or TimeoutException
        || outcome.Result?.StatusCode is HttpStatusCode.TooManyRequests or HttpStatusCode.BadGateway
            or HttpStatusCode.ServiceUnavailable or HttpStatusCode.GatewayTimeout;
}
