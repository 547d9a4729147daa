using System.Globalization;
using Keel.AlpacaSim.Faults;
using Keel.AlpacaSim.Trading;

namespace Keel.AlpacaSim.Http;

/// <summary>
/// What happens before any endpoint: the request is logged, injected faults fire (latency, 429, 5xx),
/// then Alpaca's auth check. Admin paths and the stream (which authenticates in-band) skip faults and auth.
/// </summary>
internal sealed class SimMiddleware(SimOptions options, SimFaults faults, SimClock clock, SimRequestLog log)
{
    /// <summary>An endpoint sets this item to have the connection dropped instead of answered (the request is handled).</summary>
    public const string DropAnswerKey = "sim.drop-answer";

    private const string KeyIdHeader = "APCA-API-KEY-ID";
    private const string SecretKeyHeader = "APCA-API-SECRET-KEY";

    public async Task InvokeAsync(HttpContext context, Func<Task> next)
    {
        var request = context.Request;
        var path = request.Path.Value ?? "/";
        var aborted = false;
        var logged = false;
        try
        {
            // The stream authenticates inside the connection, not with headers; admin paths are never faulted.
            if (path.StartsWith("/admin", StringComparison.Ordinal) || path == StreamEndpoint.Path
                || await PassesFaultsAndAuth(context, request.Method, path))
                await next();
            if (context.Items.ContainsKey(DropAnswerKey))
            {
                // Logged before the connection drops: a client that hears of the drop and asks again must
                // find this request in the log already.
                log.Add(new SimRequest(request.Method, path, request.QueryString.Value ?? "", context.Response.StatusCode, Aborted: true));
                logged = true;
                context.Abort();
            }
        }
        catch (OperationCanceledException) when (context.RequestAborted.IsCancellationRequested)
        {
            aborted = true;
        }
        finally
        {
            aborted |= context.RequestAborted.IsCancellationRequested;
            if (!logged) log.Add(new SimRequest(request.Method, path, request.QueryString.Value ?? "", context.Response.StatusCode, aborted));
        }
    }

    /// <summary>False when a fault or the auth check has already answered.</summary>
    private async Task<bool> PassesFaultsAndAuth(HttpContext context, string method, string path)
    {
        var latency = faults.TakeLatency(method, path);
        if (latency > TimeSpan.Zero) await Task.Delay(latency, context.RequestAborted);

        if (faults.TakeRateLimit(method, path) is { } rateLimit)
        {
            var headers = context.Response.Headers;
            headers["X-Ratelimit-Limit"] = "200";
            headers["X-Ratelimit-Remaining"] = "0";
            headers["X-Ratelimit-Reset"] = clock.GetUtcNow().AddSeconds(rateLimit.ResetSeconds).ToUnixTimeSeconds().ToString(CultureInfo.InvariantCulture);
            if (rateLimit.RetryAfterSeconds is { } retryAfter) headers.RetryAfter = retryAfter.ToString(CultureInfo.InvariantCulture);
            await ApiResults.Error(new SimError(429, new Keel.Alpaca.Models.AlpacaErrorBody { Code = SimError.RateLimitCode, Message = "rate limit exceeded" }))
                .ExecuteAsync(context);
            return false;
        }

        if (faults.TakeServerError(method, path) is { } status)
        {
            // Gateways answer 5xx with HTML, not Alpaca's JSON: clients must cope with that.
            context.Response.StatusCode = status;
            context.Response.ContentType = "text/html";
            await context.Response.WriteAsync($"<html><body><h1>{status} Service Unavailable</h1></body></html>", context.RequestAborted);
            return false;
        }

        return await PassesAuth(context, path);
    }

    private async Task<bool> PassesAuth(HttpContext context, string path)
    {
        var key = context.Request.Headers[KeyIdHeader].FirstOrDefault();
        var secret = context.Request.Headers[SecretKeyHeader].FirstOrDefault();
        var cryptoData = path.StartsWith("/v1beta3/crypto/", StringComparison.Ordinal);
        if (string.IsNullOrEmpty(key) || string.IsNullOrEmpty(secret))
        {
            if (cryptoData && string.IsNullOrEmpty(key) && string.IsNullOrEmpty(secret)) return true; // crypto data needs no auth
            await ApiResults.DataError(403, "forbidden.").ExecuteAsync(context);
            return false;
        }
        if (options.KeyId is { } expectedKey && options.SecretKey is { } expectedSecret
            && (!string.Equals(key, expectedKey, StringComparison.Ordinal) || !string.Equals(secret, expectedSecret, StringComparison.Ordinal)))
        {
            await ApiResults.DataError(401, "unauthorized.").ExecuteAsync(context);
            return false;
        }
        return true;
    }
}
