namespace Keel.AlpacaSim.Market;

/// <summary>
/// Session arithmetic in Eastern time over an <see cref="ISimMarketCalendar"/>: is the market open,
/// when does it next open and close. Extended hours are 04:00–20:00 on trading days. Crypto ignores all this.
/// </summary>
public sealed class MarketHours(ISimMarketCalendar calendar)
{
    public static readonly TimeOnly ExtendedOpen = new(4, 0);
    public static readonly TimeOnly ExtendedClose = new(20, 0);
    private const int SearchDays = 30;

    public static TimeZoneInfo Eastern { get; } = TimeZoneInfo.FindSystemTimeZoneById("America/New_York");

    public ISimMarketCalendar Calendar => calendar;

    public static DateTimeOffset ToEastern(DateTimeOffset time) => TimeZoneInfo.ConvertTime(time, Eastern);

    public static DateTimeOffset AtEastern(DateOnly date, TimeOnly time)
    {
        var local = date.ToDateTime(time);
        return new DateTimeOffset(local, Eastern.GetUtcOffset(local));
    }

    public bool IsOpen(DateTimeOffset time)
    {
        var et = ToEastern(time);
        var date = DateOnly.FromDateTime(et.DateTime);
        return calendar.RegularSession(date) is { } s && et >= AtEastern(date, s.Open) && et < AtEastern(date, s.Close);
    }

    public bool IsExtendedOpen(DateTimeOffset time)
    {
        var et = ToEastern(time);
        var date = DateOnly.FromDateTime(et.DateTime);
        return calendar.RegularSession(date) is not null && et >= AtEastern(date, ExtendedOpen) && et < AtEastern(date, ExtendedClose);
    }

    /// <summary>The first regular open strictly after <paramref name="time"/>.</summary>
    public DateTimeOffset NextOpen(DateTimeOffset time)
    {
        foreach (var (open, _) in SessionsFrom(time))
            if (open > time) return open;
        throw new InvalidOperationException($"No trading day within {SearchDays} days of {time:O}.");
    }

    /// <summary>The close of the session in progress, or of the next one.</summary>
    public DateTimeOffset NextClose(DateTimeOffset time)
    {
        foreach (var (_, close) in SessionsFrom(time))
            if (close > time) return close;
        throw new InvalidOperationException($"No trading day within {SearchDays} days of {time:O}.");
    }

    private IEnumerable<(DateTimeOffset Open, DateTimeOffset Close)> SessionsFrom(DateTimeOffset time)
    {
        var date = DateOnly.FromDateTime(ToEastern(time).DateTime);
        for (var i = 0; i < SearchDays; i++, date = date.AddDays(1))
        {
            if (calendar.RegularSession(date) is { } s)
                yield return (AtEastern(date, s.Open), AtEastern(date, s.Close));
        }
    }
}
