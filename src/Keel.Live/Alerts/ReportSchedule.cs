using Keel.Core.Calendars;

namespace Keel.Live.Alerts;

/// <summary>A report the service owes: its kind, the day it is for (a weekly report: any day of its week) and when its period ended.</summary>
public readonly record struct DueReport(string Kind, DateOnly Day, DateTime EndUtc);

/// <summary>
/// Which daily and weekly reports are due at a broker time: the latest trading day whose close has passed
/// (by the broker's calendar; crypto-only: the UTC day, ended at 00:00 UTC) and the latest week whose last
/// session has closed. Only the latest of each: after a long outage the older ones are made with <c>keel report --date</c>.
/// </summary>
public static class ReportSchedule
{
    public static IReadOnlyList<DueReport> Due(DateTime now, bool cryptoOnly, Func<DateOnly, TradingSession?> sessionFor)
    {
        ArgumentNullException.ThrowIfNull(sessionFor);
        return cryptoOnly ? CryptoDue(now) : SessionDue(now, sessionFor);
    }

    private static DueReport[] CryptoDue(DateTime now)
    {
        var today = DateOnly.FromDateTime(now);
        var daysSinceSunday = (int)today.DayOfWeek == 0 ? 7 : (int)today.DayOfWeek;
        var sunday = today.AddDays(-daysSinceSunday);
        return [new("daily", today.AddDays(-1), Midnight(today)), new("weekly", sunday, Midnight(sunday.AddDays(1)))];
    }

    private static DueReport[] SessionDue(DateTime now, Func<DateOnly, TradingSession?> sessionFor)
    {
        var today = NyseCalendar.DateOf(now);
        TradingSession? latest = null;
        for (var k = 0; k <= 7 && latest is null; k++)
        {
            if (sessionFor(today.AddDays(-k)) is { } s && s.CloseUtc <= now) latest = s;
        }
        if (latest is not { } day) return [];
        var result = new List<DueReport> { new("daily", day.Date, day.CloseUtc) };
        // The week is over when no session follows in it; otherwise the week before is the latest finished one.
        var sunday = day.Date.AddDays((7 - (int)day.Date.DayOfWeek) % 7);
        var lastOfWeek = LastSession(day.Date, sunday, sessionFor) ?? day;
        if (lastOfWeek.Date == day.Date) result.Add(new("weekly", day.Date, day.CloseUtc));
        else if (LastSession(sunday.AddDays(-13), sunday.AddDays(-7), sessionFor) is { } previous) result.Add(new("weekly", previous.Date, previous.CloseUtc));
        return [.. result];
    }

    private static TradingSession? LastSession(DateOnly from, DateOnly to, Func<DateOnly, TradingSession?> sessionFor)
    {
        for (var d = to; d >= from; d = d.AddDays(-1))
        {
            if (sessionFor(d) is { } s) return s;
        }
        return null;
    }

    private static DateTime Midnight(DateOnly day) => day.ToDateTime(TimeOnly.MinValue, DateTimeKind.Utc);
}
