using Keel.Core.Calendars;
using Keel.Core.Domain;
using Keel.Core.Gates;
using Keel.Core.Risk;
using Keel.Core.Trading;

namespace Keel.Core.Tests.Gates;

/// <summary>A paper trade that reached its stop-loss or take-profit level must exit within two bars an order could be sent on.</summary>
public sealed class StopLevelCheckTests
{
    private static readonly DateTime T0 = new(2024, 3, 5, 0, 0, 0, DateTimeKind.Utc);
    private static readonly RiskConfig Risk = new() { StopLossPercent = 2m, TakeProfitPercent = 5m };
    private static readonly Symbol Btc = Symbol.Parse("BTC/USD");

    private static BarSeries Hourly(Symbol symbol, DateTime start, params (double Low, double High)[] ranges) =>
        new(symbol, Timeframe.OneHour, ranges.Select((r, i) => new Bar(start.AddHours(i), (r.Low + r.High) / 2, r.High, r.Low, (r.Low + r.High) / 2, 10)).ToArray());

    private static Trade Trade(Symbol symbol, DateTime entry, DateTime exit, decimal quantity = 1m, decimal price = 100m) =>
        new("rsi", symbol, entry, price, exit, price, quantity, 0m, 0m, "in", "out");

    // bar 0 is the entry bar; bar 2 goes through the 98.00 stop; bars 3 and 4 are the two bars paper has to act on it.
    private static readonly BarSeries Dip = Hourly(Btc, T0, (99.5, 100.5), (99, 101), (97.5, 99), (98, 99), (98, 99), (98, 99), (98, 99));

    [Fact]
    public void An_exit_within_two_bars_of_the_touch_passes_and_is_counted()
    {
        var (reached, breaches) = StopLevelCheck.Check([Trade(Btc, T0, T0.AddHours(4).AddMinutes(59))], [Dip], Risk);
        (reached, breaches.Count).ShouldBe((1, 0));
    }

    [Fact]
    public void Staying_open_past_a_reached_stop_is_a_breach_that_says_when()
    {
        var (reached, breaches) = StopLevelCheck.Check([Trade(Btc, T0, T0.AddHours(6))], [Dip], Risk);
        reached.ShouldBe(1);
        breaches.ShouldHaveSingleItem().ShouldBe("rsi BTC/USD entered 2024-03-05 00:00 at 100: its stop-loss level 98 was reached by the bar of 2024-03-05 02:00 but it exited only at 2024-03-05 06:00");
    }

    [Fact]
    public void A_take_profit_and_a_short_stop_count_too_and_a_mere_touch_of_the_level_does_not()
    {
        var rally = Hourly(Btc, T0, (99.5, 100.5), (100, 105.2), (100, 101), (100, 101), (100, 101));
        StopLevelCheck.Check([Trade(Btc, T0, T0.AddHours(5))], [rally], Risk).Breaches.ShouldHaveSingleItem().ShouldContain("take-profit level 105");
        StopLevelCheck.Check([Trade(Btc, T0, T0.AddHours(5), quantity: -1m)], [rally], Risk).Breaches.ShouldHaveSingleItem().ShouldContain("stop-loss level 102");
        var touch = Hourly(Btc, T0, (99.5, 100.5), (98.0, 99), (98.5, 99), (98.5, 99), (98.5, 99));
        StopLevelCheck.Check([Trade(Btc, T0, T0.AddHours(5))], [touch], Risk).Reached.ShouldBe(0); // exactly at the level: rounding, not a breach
    }

    [Fact]
    public void An_equity_level_reached_before_the_open_is_due_two_regular_bars_after_the_open()
    {
        var spy = Symbol.Parse("SPY");
        var start = new DateTime(2024, 3, 5, 9, 30, 0, DateTimeKind.Utc); // 04:30 New York, pre-market
        // Entry at 09:30, a pre-market dip through the stop at 10:30; the session opens at 14:30 UTC, so the two
        // bars paper can act on are 14:30 and 15:30: the exit is due by 16:30.
        var bars = Hourly(spy, start, (99.5, 100.5), (97, 99), (98.5, 99), (98.5, 99), (98.5, 99), (98.5, 99), (98.5, 99), (98.5, 99), (98.5, 99));
        var gate = RegularHoursGate.Nyse(Timeframe.OneHour);
        StopLevelCheck.Check([Trade(spy, start, start.AddHours(5.5))], [bars], Risk, gate).Breaches.ShouldBeEmpty();
        StopLevelCheck.Check([Trade(spy, start, start.AddHours(7).AddMinutes(1))], [bars], Risk, gate).Breaches.ShouldHaveSingleItem();
        StopLevelCheck.Check([Trade(spy, start, start.AddHours(5.5))], [bars], Risk).Breaches.ShouldHaveSingleItem(); // without the gate, due by 13:30
    }
}
