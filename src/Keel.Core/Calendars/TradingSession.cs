namespace Keel.Core.Calendars;

/// <summary>
/// One exchange session: the date it belongs to and its open and close as UTC instants.
/// <see cref="IsEarlyClose"/> marks the 13:00 ET half days.
/// </summary>
public readonly record struct TradingSession(DateOnly Date, DateTime OpenUtc, DateTime CloseUtc, bool IsEarlyClose)
{
    public TimeSpan Length => CloseUtc - OpenUtc;

    /// <summary>Whether <paramref name="utc"/> is within the session: at or after the open, before the close.</summary>
    public bool Contains(DateTime utc) => utc >= OpenUtc && utc < CloseUtc;
}
