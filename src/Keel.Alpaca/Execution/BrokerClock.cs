namespace Keel.Alpaca.Execution;

/// <summary>
/// The broker's clock as last seen: the newest time on an order Alpaca sent back, moved on by the local
/// time passed since. Events the port decides itself (a refusal before sending, a watched exit's
/// one-cancels-other) are stamped with it, so that an order's events all sort on the broker's clock.
/// Before Alpaca has answered anything it is the local clock.
/// </summary>
internal sealed class BrokerClock(TimeProvider local)
{
    private DateTime? _seen;
    private DateTimeOffset _seenLocally;

    public void Observe(DateTimeOffset? brokerTime)
    {
        if (brokerTime is not { } time || (_seen is { } seen && time.UtcDateTime <= seen)) return;
        _seen = time.UtcDateTime;
        _seenLocally = local.GetUtcNow();
    }

    public DateTime Now => _seen is { } seen ? seen + (local.GetUtcNow() - _seenLocally) : local.GetUtcNow().UtcDateTime;
}
