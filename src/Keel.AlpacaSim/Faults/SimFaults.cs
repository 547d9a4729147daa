namespace Keel.AlpacaSim.Faults;

/// <summary>The faults in force, used up thread-safely as requests arrive.</summary>
public sealed class SimFaults
{
    private readonly Lock _lock = new();
    private FaultSettings _settings = new();
    private Random _partialRandom = new(1);

    /// <summary>Replaces every fault at once.</summary>
    public void Set(FaultSettings settings)
    {
        ArgumentNullException.ThrowIfNull(settings);
        lock (_lock)
        {
            _settings = settings;
            _partialRandom = new Random(settings.PartialFills?.Seed ?? 1);
        }
    }

    public void Clear() => Set(new FaultSettings());

    public FaultSettings Current
    {
        get { lock (_lock) return _settings; }
    }

    public RateLimitFault? TakeRateLimit(string method, string path)
    {
        lock (_lock)
        {
            if (_settings.RateLimit is not { Count: > 0 } fault || !fault.Matches(method, path)) return null;
            fault.Count--;
            return fault;
        }
    }

    public int? TakeServerError(string method, string path)
    {
        lock (_lock)
        {
            if (_settings.ServerErrors is not { Count: > 0 } fault || !fault.Matches(method, path)) return null;
            fault.Count--;
            return fault.Status;
        }
    }

    public TimeSpan TakeLatency(string method, string path)
    {
        lock (_lock)
        {
            if (_settings.Latency is not { Milliseconds: > 0 } fault || !fault.Matches(method, path)) return TimeSpan.Zero;
            if (fault.Count is { } count)
            {
                if (count <= 0) return TimeSpan.Zero;
                fault.Count = count - 1;
            }
            return TimeSpan.FromMilliseconds(fault.Milliseconds);
        }
    }

    public bool TakeDropOrderResponse() => TakeCounter(s => s.DropOrderResponses, (s, v) => s.DropOrderResponses = v);

    public bool TakeBuyingPowerRejection() => TakeCounter(s => s.RejectBuyingPower, (s, v) => s.RejectBuyingPower = v);

    public TimeSpan CancelDelay
    {
        get { lock (_lock) return TimeSpan.FromSeconds(Math.Max(0, _settings.CancelDelaySeconds)); }
    }

    public bool HangOrders
    {
        get { lock (_lock) return _settings.HangOrders; }
    }

    /// <summary>The fraction of the remaining quantity to fill now: 1 normally, a seeded random part when a partial fill is due.</summary>
    public decimal NextFillFraction()
    {
        lock (_lock)
        {
            if (_settings.PartialFills is not { } partial || _partialRandom.NextDouble() >= partial.Probability) return 1m;
            return (decimal)Math.Round(0.1 + 0.8 * _partialRandom.NextDouble(), 4);
        }
    }

    private bool TakeCounter(Func<FaultSettings, int> get, Action<FaultSettings, int> set)
    {
        lock (_lock)
        {
            var count = get(_settings);
            if (count <= 0) return false;
            set(_settings, count - 1);
            return true;
        }
    }
}
