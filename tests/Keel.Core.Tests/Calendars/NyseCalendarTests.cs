using Keel.Core.Calendars;

namespace Keel.Core.Tests.Calendars;

public class NyseCalendarTests
{
    private static DateOnly D(string iso) => DateOnly.ParseExact(iso, "yyyy-MM-dd");

    [Theory]
    [InlineData("2024-01-01")] // New Year's Day
    [InlineData("2024-01-15")] // Martin Luther King Jr. Day
    [InlineData("2024-02-19")] // Washington's Birthday
    [InlineData("2024-03-29")] // Good Friday
    [InlineData("2024-05-27")] // Memorial Day
    [InlineData("2024-06-19")] // Juneteenth
    [InlineData("2024-07-04")] // Independence Day
    [InlineData("2024-09-02")] // Labor Day
    [InlineData("2024-11-28")] // Thanksgiving
    [InlineData("2024-12-25")] // Christmas
    [InlineData("2022-12-26")] // Christmas on a Sunday, observed Monday
    [InlineData("2023-01-02")] // New Year's Day on a Sunday, observed Monday
    [InlineData("2022-06-20")] // Juneteenth on a Sunday, observed Monday
    [InlineData("2021-12-24")] // Christmas on a Saturday, observed Friday
    [InlineData("2020-07-03")] // Independence Day on a Saturday, observed Friday
    [InlineData("2027-06-18")] // Juneteenth on a Saturday, observed Friday
    [InlineData("2019-04-19")] // Good Friday
    [InlineData("2025-04-18")] // Good Friday
    [InlineData("2018-12-05")] // one-off closure: President Bush's funeral
    [InlineData("2012-10-29")] // one-off closure: Hurricane Sandy
    public void Holidays_and_closures_do_not_trade(string date)
    {
        NyseCalendar.IsTradingDay(D(date)).ShouldBeFalse();
        NyseCalendar.SessionFor(D(date)).ShouldBeNull();
    }

    [Theory]
    [InlineData("2021-12-31")] // New Year's Day 2022 fell on a Saturday: not observed on the Friday
    [InlineData("2021-06-18")] // Juneteenth was not yet an exchange holiday in 2021
    [InlineData("1997-01-20")] // MLK Day was not an exchange holiday before 1998
    [InlineData("2024-01-02")]
    [InlineData("2024-12-31")]
    [InlineData("2024-11-29")]
    public void Ordinary_weekdays_trade(string date)
    {
        NyseCalendar.IsTradingDay(D(date)).ShouldBeTrue();
    }

    [Fact]
    public void Weekends_never_trade()
    {
        NyseCalendar.IsTradingDay(D("2024-06-01")).ShouldBeFalse();
        NyseCalendar.IsTradingDay(D("2024-06-02")).ShouldBeFalse();
    }

    [Fact]
    public void A_year_has_the_published_number_of_trading_days()
    {
        NyseCalendar.TradingDays(D("2024-01-01"), D("2024-12-31")).Count().ShouldBe(252);
        NyseCalendar.TradingDays(D("2023-01-01"), D("2023-12-31")).Count().ShouldBe(250);
        NyseCalendar.TradingDays(D("2022-01-01"), D("2022-12-31")).Count().ShouldBe(251);
    }

    [Fact]
    public void Regular_session_is_0930_to_1600_new_york_in_utc_across_daylight_saving()
    {
        var winter = NyseCalendar.SessionFor(D("2024-01-02"))!.Value;
        winter.OpenUtc.ShouldBe(new DateTime(2024, 1, 2, 14, 30, 0, DateTimeKind.Utc));
        winter.CloseUtc.ShouldBe(new DateTime(2024, 1, 2, 21, 0, 0, DateTimeKind.Utc));
        winter.IsEarlyClose.ShouldBeFalse();

        var summer = NyseCalendar.SessionFor(D("2024-07-01"))!.Value;
        summer.OpenUtc.ShouldBe(new DateTime(2024, 7, 1, 13, 30, 0, DateTimeKind.Utc));
        summer.CloseUtc.ShouldBe(new DateTime(2024, 7, 1, 20, 0, 0, DateTimeKind.Utc));
        summer.OpenUtc.Kind.ShouldBe(DateTimeKind.Utc);

        // The Monday after the spring change (2024-03-10) is already on daylight time.
        NyseCalendar.SessionFor(D("2024-03-11"))!.Value.OpenUtc.ShouldBe(new DateTime(2024, 3, 11, 13, 30, 0, DateTimeKind.Utc));
        NyseCalendar.SessionFor(D("2024-03-08"))!.Value.OpenUtc.ShouldBe(new DateTime(2024, 3, 8, 14, 30, 0, DateTimeKind.Utc));
    }

    [Theory]
    [InlineData("2024-07-03", 17)] // summer: 13:00 EDT = 17:00 UTC
    [InlineData("2024-11-29", 18)] // winter: 13:00 EST = 18:00 UTC
    [InlineData("2024-12-24", 18)]
    [InlineData("2025-07-03", 17)]
    public void Half_days_close_at_1300_new_york(string date, int closeHourUtc)
    {
        var session = NyseCalendar.SessionFor(D(date))!.Value;
        session.IsEarlyClose.ShouldBeTrue();
        session.CloseUtc.Hour.ShouldBe(closeHourUtc);
        session.Length.ShouldBe(TimeSpan.FromHours(3.5));
    }

    [Theory]
    [InlineData("2022-07-01")] // July 3 was a Sunday: no half day
    [InlineData("2023-12-22")] // December 24 was a Sunday: no half day
    [InlineData("2024-12-23")]
    public void Days_near_holidays_that_are_not_half_days_close_normally(string date)
    {
        NyseCalendar.SessionFor(D(date))!.Value.IsEarlyClose.ShouldBeFalse();
    }

    [Fact]
    public void Next_trading_day_skips_weekends_and_holidays()
    {
        NyseCalendar.NextTradingDay(D("2024-03-28")).ShouldBe(D("2024-04-01")); // Good Friday + weekend
        NyseCalendar.NextTradingDay(D("2024-12-24")).ShouldBe(D("2024-12-26"));
        NyseCalendar.NextTradingDay(D("2024-01-02")).ShouldBe(D("2024-01-03"));
        NyseCalendar.NextTradingDay(D("2021-12-30")).ShouldBe(D("2021-12-31"));
    }

    [Fact]
    public void Trading_days_is_inclusive_at_both_ends()
    {
        NyseCalendar.TradingDays(D("2024-12-20"), D("2024-12-27"))
            .ShouldBe([D("2024-12-20"), D("2024-12-23"), D("2024-12-24"), D("2024-12-26"), D("2024-12-27")]);
    }

    [Theory]
    [InlineData(2024, 3, 31)]
    [InlineData(2025, 4, 20)]
    [InlineData(2019, 4, 21)]
    [InlineData(2000, 4, 23)]
    [InlineData(2038, 4, 25)]
    [InlineData(2008, 3, 23)]
    public void Easter_computus_matches_known_dates(int year, int month, int day)
    {
        NyseCalendar.EasterSunday(year).ShouldBe(new DateOnly(year, month, day));
    }
}
