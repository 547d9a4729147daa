namespace Keel.Core.Kernel;

/// <summary>
/// Maps a UTC time to its trading day in a time zone (America/New_York for equities, UTC for crypto)
/// and caches the day's end, so the per-bar cost is one comparison.
/// </summary>
public sealed class TradingDayClock(TimeZoneInfo zone)
{
    private DateTime _dayEndUtc = DateTime.MinValue;

    public TimeZoneInfo Zone { get; } = zone;

    /// <summary>The zone whose midnight starts a trading day: New York when any symbol is an equity, UTC for crypto only.</summary>
    public static TimeZoneInfo ZoneFor(IEnumerable<Domain.Symbol> symbols) =>
        symbols.All(s => s.IsCrypto) ? TimeZoneInfo.Utc : Calendars.NyseCalendar.TimeZone;

    /// <summary>The date in <paramref name="zone"/> of the UTC instant <paramref name="utc"/>.</summary>
    public static DateOnly DayOf(DateTime utc, TimeZoneInfo zone) => DateOnly.FromDateTime(TimeZoneInfo.ConvertTimeFromUtc(utc, zone));
    public DateOnly Day { get; private set; }

    /// <summary>Moves to the day of <paramref name="utc"/>; true when that is a new day.</summary>
    public bool Advance(DateTime utc)
    {
        if (utc < _dayEndUtc) return false;
        var local = TimeZoneInfo.ConvertTimeFromUtc(utc, Zone);
        Day = DateOnly.FromDateTime(local);
        var nextMidnight = DateTime.SpecifyKind(local.Date.AddDays(1), DateTimeKind.Unspecified);
        _dayEndUtc = TimeZoneInfo.ConvertTimeToUtc(nextMidnight, Zone);
        return true;
    }
}
