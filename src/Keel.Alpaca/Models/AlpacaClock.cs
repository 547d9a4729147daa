namespace Keel.Alpaca.Models;

/// <summary>GET /v2/clock, with Eastern-time offsets.</summary>
public sealed record AlpacaClock
{
    public DateTimeOffset Timestamp { get; init; }
    public bool IsOpen { get; init; }
    public DateTimeOffset NextOpen { get; init; }
    public DateTimeOffset NextClose { get; init; }
}
