using Keel.Core.Calendars;
using Keel.Live.Alerts;

namespace Keel.Live.Tests.Alerts;

/// <summary>When the service owes a report: after the close by the calendar (a holiday Friday moves the weekly to Thursday), crypto-only at 00:00 UTC.</summary>
public sealed class ReportScheduleTests
{
    [Fact]
    public void Before_the_close_the_day_before_is_due_and_after_it_today()
    {
        var before = ReportSchedule.Due(new DateTime(2024, 12, 17, 20, 59, 0, DateTimeKind.Utc), cryptoOnly: false, NyseCalendar.SessionFor);
        before.Single(r => r.Kind == "daily").Day.ShouldBe(new DateOnly(2024, 12, 16));
        var after = ReportSchedule.Due(new DateTime(2024, 12, 17, 21, 0, 0, DateTimeKind.Utc), cryptoOnly: false, NyseCalendar.SessionFor);
        after.Single(r => r.Kind == "daily").Day.ShouldBe(new DateOnly(2024, 12, 17));
        after.Single(r => r.Kind == "weekly").Day.ShouldBe(new DateOnly(2024, 12, 13), "the latest finished week is the one before");
    }

    [Fact]
    public void A_holiday_friday_makes_thursday_the_weeks_last_session()
    {
        // Good Friday 2024-03-29: the market is closed; Thursday's close (20:00 UTC in daylight time) ends the week.
        var due = ReportSchedule.Due(new DateTime(2024, 3, 28, 20, 5, 0, DateTimeKind.Utc), cryptoOnly: false, NyseCalendar.SessionFor);
        due.ShouldBe([new DueReport("daily", new DateOnly(2024, 3, 28), new DateTime(2024, 3, 28, 20, 0, 0, DateTimeKind.Utc)),
            new DueReport("weekly", new DateOnly(2024, 3, 28), new DateTime(2024, 3, 28, 20, 0, 0, DateTimeKind.Utc))]);
    }

    [Fact]
    public void Crypto_only_days_end_at_midnight_utc_and_weeks_on_sunday()
    {
        var due = ReportSchedule.Due(new DateTime(2024, 12, 23, 0, 1, 0, DateTimeKind.Utc), cryptoOnly: true, _ => null);
        due.ShouldBe([new DueReport("daily", new DateOnly(2024, 12, 22), new DateTime(2024, 12, 23, 0, 0, 0, DateTimeKind.Utc)),
            new DueReport("weekly", new DateOnly(2024, 12, 22), new DateTime(2024, 12, 23, 0, 0, 0, DateTimeKind.Utc))]);
        ReportSchedule.Due(new DateTime(2024, 12, 22, 23, 59, 0, DateTimeKind.Utc), cryptoOnly: true, _ => null)
            .Single(r => r.Kind == "weekly").Day.ShouldBe(new DateOnly(2024, 12, 15));
    }
}
