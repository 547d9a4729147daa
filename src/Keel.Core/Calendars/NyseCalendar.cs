namespace Keel.Core.Calendars;

/// <summary>
/// The New York Stock Exchange calendar: which days trade and when each session opens and closes.
/// Holidays come from the exchange's rules (with weekend observance) plus a short list of one-off
/// closures, so no holiday table needs yearly maintenance. The regular session is 09:30–16:00
/// America/New_York; half days close at 13:00. Times are converted with the system's time-zone
/// database, so daylight saving is handled for every year.
/// </summary>
/// <remarks>
/// Rules follow NYSE Rule 7.2: a holiday on Sunday is observed on Monday, one on Saturday on the
/// preceding Friday — except New Year's Day, because that Friday closes the accounting year
/// (so 2021-12-31 traded although 2022-01-01 was a Saturday). Before 1998 MLK Day was not a holiday;
/// Juneteenth is one from 2022. Historical quirks before 1990 are not modelled.
/// </remarks>
public static class NyseCalendar
{
    private static readonly TimeOnly RegularOpen = new(9, 30);
    private static readonly TimeOnly RegularClose = new(16, 0);
    private static readonly TimeOnly EarlyClose = new(13, 0);

    /// <summary>Unscheduled full-day closures (national days of mourning, 9/11, Hurricane Sandy).</summary>
    private static readonly HashSet<DateOnly> SpecialClosures =
    [
        new(2001, 9, 11), new(2001, 9, 12), new(2001, 9, 13), new(2001, 9, 14), // September 11
        new(2004, 6, 11), // President Reagan's funeral
        new(2007, 1, 2),  // President Ford's funeral
        new(2012, 10, 29), new(2012, 10, 30), // Hurricane Sandy
        new(2018, 12, 5), // President G. H. W. Bush's funeral
        new(2025, 1, 9),  // President Carter's funeral
    ];

    /// <summary>The exchange's time zone (America/New_York).</summary>
    public static TimeZoneInfo TimeZone { get; } = TimeZoneInfo.FindSystemTimeZoneById("America/New_York");

    /// <summary>The New York date of the UTC instant <paramref name="utc"/>: the session it belongs to, if any.</summary>
    public static DateOnly DateOf(DateTime utc) => Kernel.TradingDayClock.DayOf(utc, TimeZone);

    /// <summary>True when the exchange holds a session on <paramref name="date"/>.</summary>
    public static bool IsTradingDay(DateOnly date) =>
        date.DayOfWeek is not (DayOfWeek.Saturday or DayOfWeek.Sunday)
        && !IsHoliday(date)
        && !SpecialClosures.Contains(date);

    /// <summary>The session on <paramref name="date"/>, or null when the exchange is closed.</summary>
    public static TradingSession? SessionFor(DateOnly date)
    {
        if (!IsTradingDay(date)) return null;
        var early = IsEarlyClose(date);
        return new TradingSession(date, ToUtc(date, RegularOpen), ToUtc(date, early ? EarlyClose : RegularClose), early);
    }

    /// <summary>Whether a bar starting at <paramref name="barStart"/> (UTC) lies in that day's regular session.</summary>
    public static bool InRegularSession(DateTime barStart) => SessionFor(DateOf(barStart)) is { } session && session.Contains(barStart);

    /// <summary>The first trading day strictly after <paramref name="date"/>.</summary>
    public static DateOnly NextTradingDay(DateOnly date)
    {
        var day = date.AddDays(1);
        while (!IsTradingDay(day)) day = day.AddDays(1);
        return day;
    }

    /// <summary>The trading days from <paramref name="from"/> to <paramref name="to"/>, both inclusive.</summary>
    public static IEnumerable<DateOnly> TradingDays(DateOnly from, DateOnly to)
    {
        for (var day = from; day <= to; day = day.AddDays(1))
        {
            if (IsTradingDay(day)) yield return day;
        }
    }

    private static DateTime ToUtc(DateOnly date, TimeOnly localTime) =>
        TimeZoneInfo.ConvertTimeToUtc(date.ToDateTime(localTime, DateTimeKind.Unspecified), TimeZone);

    /// <summary>Half days: July 3, the day after Thanksgiving and December 24, when they trade.</summary>
    private static bool IsEarlyClose(DateOnly date) =>
        (date.Month == 7 && date.Day == 3)
        || (date.Month == 12 && date.Day == 24)
        || date == Thanksgiving(date.Year).AddDays(1);

    private static bool IsHoliday(DateOnly date)
    {
        var year = date.Year;
        return date.Month switch
        {
            1 => date == ObservedNewYear(year)
                 || (year >= 1998 && date == NthWeekday(year, 1, DayOfWeek.Monday, 3)), // Martin Luther King Jr. Day
            2 => date == NthWeekday(year, 2, DayOfWeek.Monday, 3), // Washington's Birthday
            3 or 4 => date == EasterSunday(year).AddDays(-2), // Good Friday
            5 => date == LastWeekday(year, 5, DayOfWeek.Monday), // Memorial Day
            6 => year >= 2022 && date == Observed(new DateOnly(year, 6, 19)), // Juneteenth
            7 => date == Observed(new DateOnly(year, 7, 4)), // Independence Day
            9 => date == NthWeekday(year, 9, DayOfWeek.Monday, 1), // Labor Day
            11 => date == Thanksgiving(year),
            12 => date == Observed(new DateOnly(year, 12, 25)), // Christmas
            _ => false,
        };
    }

    /// <summary>Saturday holidays move to Friday, Sunday holidays to Monday.</summary>
    private static DateOnly Observed(DateOnly holiday) => holiday.DayOfWeek switch
    {
        DayOfWeek.Saturday => holiday.AddDays(-1),
        DayOfWeek.Sunday => holiday.AddDays(1),
        _ => holiday,
    };

    /// <summary>New Year's Day moves to Monday when on a Sunday but is not observed when on a Saturday.</summary>
    private static DateOnly ObservedNewYear(int year)
    {
        var day = new DateOnly(year, 1, 1);
        return day.DayOfWeek == DayOfWeek.Sunday ? day.AddDays(1) : day;
    }

    private static DateOnly Thanksgiving(int year) => NthWeekday(year, 11, DayOfWeek.Thursday, 4);

    private static DateOnly NthWeekday(int year, int month, DayOfWeek weekday, int n)
    {
        var first = new DateOnly(year, month, 1);
        var offset = ((int)weekday - (int)first.DayOfWeek + 7) % 7;
        return first.AddDays(offset + 7 * (n - 1));
    }

    private static DateOnly LastWeekday(int year, int month, DayOfWeek weekday)
    {
        var last = new DateOnly(year, month, DateTime.DaysInMonth(year, month));
        var offset = ((int)last.DayOfWeek - (int)weekday + 7) % 7;
        return last.AddDays(-offset);
    }

    /// <summary>Gregorian Easter Sunday by the anonymous (Meeus/Jones/Butcher) computus.</summary>
    internal static DateOnly EasterSunday(int year)
    {
        var a = year % 19;
        var b = year / 100;
        var c = year % 100;
        var d = b / 4;
        var e = b % 4;
        var f = (b + 8) / 25;
        var g = (b - f + 1) / 3;
        var h = (19 * a + b - d - g + 15) % 30;
        var i = c / 4;
        var k = c % 4;
        var l = (32 + 2 * e + 2 * i - h - k) % 7;
        var m = (a + 11 * h + 22 * l) / 451;
        var month = (h + l - 7 * m + 114) / 31;
        var day = (h + l - 7 * m + 114) % 31 + 1;
        return new DateOnly(year, month, day);
    }
}
