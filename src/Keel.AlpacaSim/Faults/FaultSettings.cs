namespace Keel.AlpacaSim.Faults;

/// <summary>
/// What to break, posted as JSON to <c>/admin/faults</c> (snake_case keys) or set through the test
/// handle. Counted faults are used up one request at a time. Admin paths are never affected.
/// </summary>
public sealed class FaultSettings
{
    /// <summary>The next <c>count</c> matching requests get 429 with X-Ratelimit-* headers (and Retry-After when set).</summary>
    public RateLimitFault? RateLimit { get; set; }

    /// <summary>The next <c>count</c> matching requests get this 5xx status.</summary>
    public ServerErrorFault? ServerErrors { get; set; }

    /// <summary>Matching requests wait this long before being handled (the wait ends if the client gives up).</summary>
    public LatencyFault? Latency { get; set; }

    /// <summary>The next N accepted POST /v2/orders are kept, but the connection is aborted instead of answering.</summary>
    public int DropOrderResponses { get; set; }

    /// <summary>Orders are accepted and never fill (the crypto paper case).</summary>
    public bool HangOrders { get; set; }

    /// <summary>Seeded random partial fills.</summary>
    public PartialFillFault? PartialFills { get; set; }

    /// <summary>The next N order submissions are refused with 403 "insufficient buying power".</summary>
    public int RejectBuyingPower { get; set; }

    /// <summary>
    /// Cancels wait this long (sim time) in <c>pending_cancel</c> before they become <c>canceled</c>, as on
    /// Alpaca paper where cancels can hang for minutes; the order can still fill meanwhile. 0: at once.
    /// </summary>
    public double CancelDelaySeconds { get; set; }
}

/// <summary>Limits a fault to one method and/or a path prefix; both null means every non-admin request.</summary>
public abstract class ScopedFault
{
    public string? Method { get; set; }
    public string? PathPrefix { get; set; }

    public bool Matches(string method, string path) =>
        (Method is null || string.Equals(Method, method, StringComparison.OrdinalIgnoreCase))
        && (PathPrefix is null || path.StartsWith(PathPrefix, StringComparison.Ordinal));
}

public sealed class RateLimitFault : ScopedFault
{
    public int Count { get; set; } = 1;
    /// <summary>Sent as Retry-After when set.</summary>
    public int? RetryAfterSeconds { get; set; }
    /// <summary>X-Ratelimit-Reset is now (sim clock) plus this.</summary>
    public int ResetSeconds { get; set; } = 60;
}

public sealed class ServerErrorFault : ScopedFault
{
    public int Count { get; set; } = 1;
    public int Status { get; set; } = 503;
}

public sealed class LatencyFault : ScopedFault
{
    public int Milliseconds { get; set; }
    /// <summary>How many requests to delay; null delays all of them.</summary>
    public int? Count { get; set; }
}

public sealed class PartialFillFault
{
    /// <summary>Chance that a fill is partial (Alpaca paper: about 0.1).</summary>
    public double Probability { get; set; } = 0.1;
    public int Seed { get; set; } = 1;
}
