using Keel.Core.Calendars;

namespace Keel.Alpaca.Tests;

/// <summary>
/// The sim serves the NYSE calendar by default, from the backtester's <see cref="NyseCalendar"/>:
/// holidays are closed and half days close at 13:00, on /v2/calendar and on /v2/clock.
/// </summary>
public sealed class SimCalendarTests : SimTestBase
{
    [Fact]
    public async Task The_calendar_leaves_out_holidays_and_closes_half_days_at_one()
    {
        var days = await Client.GetCalendarAsync(new DateOnly(2024, 1, 1), new DateOnly(2024, 12, 31));

        var dates = days.Select(d => d.Date).ToHashSet();
        dates.ShouldNotContain(new DateOnly(2024, 1, 15)); // Martin Luther King Jr. Day
        dates.ShouldNotContain(new DateOnly(2024, 11, 28)); // Thanksgiving
        dates.ShouldContain(new DateOnly(2024, 1, 16));
        days.Single(d => d.Date == new DateOnly(2024, 11, 29)).Close.ShouldBe(new TimeOnly(13, 0));
        days.Single(d => d.Date == new DateOnly(2024, 11, 27)).Close.ShouldBe(new TimeOnly(16, 0));
        // Day for day the backtester's calendar.
        dates.ShouldBe(NyseCalendar.TradingDays(new DateOnly(2024, 1, 1), new DateOnly(2024, 12, 31)), ignoreOrder: false);
        days.Count(d => d.Close == new TimeOnly(13, 0)).ShouldBe(3); // Jul 3, Nov 29, Dec 24
    }

    [Fact]
    public async Task The_clock_skips_a_holiday_and_closes_a_half_day_at_one()
    {
        // Friday 2024-01-12 after the close: the next open is Tuesday, MLK Day being a holiday.
        H.Sim.Clock.Set(new DateTime(2024, 1, 12, 22, 0, 0, DateTimeKind.Utc));
        var friday = await Client.GetClockAsync();
        friday.IsOpen.ShouldBeFalse();
        friday.NextOpen.ShouldBe(new DateTimeOffset(2024, 1, 16, 9, 30, 0, TimeSpan.FromHours(-5)));

        H.Sim.Clock.Set(new DateTime(2024, 1, 15, 16, 0, 0, DateTimeKind.Utc)); // 11:00 on MLK Day
        (await Client.GetClockAsync()).IsOpen.ShouldBeFalse();

        H.Sim.Clock.Set(new DateTime(2024, 11, 29, 17, 30, 0, DateTimeKind.Utc)); // 12:30 on the half day
        var halfDay = await Client.GetClockAsync();
        halfDay.IsOpen.ShouldBeTrue();
        halfDay.NextClose.ShouldBe(new DateTimeOffset(2024, 11, 29, 13, 0, 0, TimeSpan.FromHours(-5)));
        H.Sim.Clock.Set(new DateTime(2024, 11, 29, 18, 30, 0, DateTimeKind.Utc)); // 13:30
        (await Client.GetClockAsync()).IsOpen.ShouldBeFalse();
    }
}
