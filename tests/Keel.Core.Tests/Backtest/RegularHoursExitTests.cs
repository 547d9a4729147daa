using Keel.Core.Backtest;
using Keel.Core.Domain;
using Keel.Core.Risk;
using Keel.Core.Strategies;
using Keel.Core.Trading;

namespace Keel.Core.Tests.Backtest;

/// <summary>
/// A backtest that trades regular hours only holds a stock's exits against regular-session bars only, as Alpaca
/// works stock stops: a pre-market dip through the stop does not sell; the first regular bar that opens under it does.
/// </summary>
public sealed class RegularHoursExitTests
{
    // Tue 2024-01-02 15:30 (10:30 New York) buy at the close 100; 20:45 the last regular bar; Wed 09:00 UTC
    // (04:00 New York) a pre-market bar down to 95; Wed 14:30 (the open) a bar opening at 98.
    private static readonly DateTime Day = new(2024, 1, 2, 0, 0, 0, DateTimeKind.Utc);
    private static readonly BarSeries Stock = new(Symbol.Parse("ACME"), Timeframe.Parse("15Min"),
    [
        new Bar(Day.AddHours(15.5), 100, 100, 100, 100, 1000),
        new Bar(Day.AddHours(20.75), 100, 100.5, 99.5, 100, 1000),
        new Bar(Day.AddDays(1).AddHours(9), 100, 100, 95, 99.8, 1000),
        new Bar(Day.AddDays(1).AddHours(14.5), 98, 99, 97.5, 98.5, 1000),
    ]);

    private static BacktestResult Run(bool regularHoursOnly) => Backtester.Run(new BacktestSettings
    {
        StartingCash = 10_000m,
        FillModel = FillModel.Close,
        RegularHoursOnly = regularHoursOnly,
        CloseAtEnd = false,
        Risk = new RiskConfig { Sizing = new Sizing(SizingMethod.FixedQuantity, 10), StopLossPercent = 1 },
    }, [Stock], [() => (IStrategy)new ScriptedStrategy([0], [])]);

    [Fact]
    public void A_pre_market_dip_through_the_stop_waits_for_the_regular_session()
    {
        var exit = Run(regularHoursOnly: true).Trades.ShouldHaveSingleItem();
        (exit.ExitTime, exit.ExitPrice).ShouldBe((Day.AddDays(1).AddHours(14.5), 98m), "the open under the stop of 99");
    }

    [Fact]
    public void Without_the_regular_hours_rule_every_bar_works_the_stop()
    {
        var exit = Run(regularHoursOnly: false).Trades.ShouldHaveSingleItem();
        (exit.ExitTime, exit.ExitPrice).ShouldBe((Day.AddDays(1).AddHours(9), 99m));
    }
}
