using System.Globalization;

namespace Keel.Alpaca.Http;

/// <summary>
/// How long the server asked us to wait: Retry-After (seconds or a date), else X-Ratelimit-Reset (Unix
/// seconds when the window resets), else null so the caller's backoff decides. Capped at <c>max</c>.
/// </summary>
internal static class RetryAfter
{
    public const string RateLimitResetHeader = "X-Ratelimit-Reset";

    public static TimeSpan? From(HttpResponseMessage? response, TimeProvider time, TimeSpan max)
    {
        if (response is null) return null;
        TimeSpan? wait = null;
        if (response.Headers.RetryAfter is { } retryAfter)
        {
            wait = retryAfter.Delta ?? (retryAfter.Date is { } date ? date - time.GetUtcNow() : null);
        }
        else if (response.Headers.TryGetValues(RateLimitResetHeader, out var values)
                 && long.TryParse(values.FirstOrDefault(), NumberStyles.Integer, CultureInfo.InvariantCulture, out var resetEpoch))
        {
            wait = DateTimeOffset.FromUnixTimeSeconds(resetEpoch) - time.GetUtcNow();
        }
        if (wait is null) return null;
        if (wait < TimeSpan.Zero) return TimeSpan.Zero;
        return wait > max ? max : wait;
    }
}
