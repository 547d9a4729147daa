using Keel.Core.Degradation;
using Keel.Core.Gates;

namespace Keel.Core.Tests.Degradation;

/// <summary>The degradation rule: live trades against the backtest's bootstrap bands over as many trades.</summary>
public sealed class DegradationCheckTests
{
    private static readonly DateTime LiveFrom = new(2024, 12, 16, 0, 0, 0, DateTimeKind.Utc);

    // 60% winners of +1%, 40% losers of -0.5%: average +0.4% a trade.
    private static readonly double[] Backtest = [.. Enumerable.Range(0, 100).Select(i => i % 5 < 3 ? 1.0 : -0.5)];

    private static BacktestExpectation Expectation(IReadOnlyList<double> returns) =>
        new("v1", "sma", LiveFrom, LiveFrom, LiveFrom.AddDays(-730), LiveFrom.AddMinutes(-15), returns);

    [Fact]
    public void Figures_are_win_rate_mean_and_compounded_return()
    {
        double[] r = [10, -10, 0];
        TradeFigures.Of(TradeFigure.WinRate, r).ShouldBe(100.0 / 3, 1e-9);
        TradeFigures.Of(TradeFigure.AverageTrade, r).ShouldBe(0, 1e-12);
        TradeFigures.Of(TradeFigure.Return, r).ShouldBe((1.1 * 0.9 - 1) * 100, 1e-9);
    }

    [Fact]
    public void The_band_holds_the_backtest_figure_is_deterministic_and_narrows_with_more_trades()
    {
        var ten = BootstrapBand.For(Backtest, 10, TradeFigure.WinRate, 95);
        ten.Lower.ShouldBeLessThan(60);
        ten.Upper.ShouldBeGreaterThan(60);
        ten.Expected.ShouldBe(60, 10);
        BootstrapBand.For(Backtest, 10, TradeFigure.WinRate, 95).ShouldBe(ten, "same trades, same band: no clock, no random seed from outside");
        var hundred = BootstrapBand.For(Backtest, 100, TradeFigure.WinRate, 95);
        (hundred.Upper - hundred.Lower).ShouldBeLessThan(ten.Upper - ten.Lower);
        var wider = BootstrapBand.For(Backtest, 10, TradeFigure.WinRate, 99);
        wider.Lower.ShouldBeLessThanOrEqualTo(ten.Lower);
    }

    [Fact]
    public void A_record_like_the_backtest_is_not_degraded_and_a_much_worse_one_is_with_the_figure_the_gap_and_the_trades()
    {
        var settings = new DegradationSettings { MinTrades = 10, Window = 20 };
        var like = DegradationCheck.Evaluate(Expectation(Backtest), [.. Backtest.Take(20)], settings).ShouldNotBeNull();
        like.Degraded.ShouldBeFalse(like.Message);
        like.Message.ShouldContain("within the backtest's bands");

        double[] worse = [.. Enumerable.Range(0, 20).Select(i => i % 5 == 0 ? 1.0 : -0.5)]; // 20% winners, -0.2% a trade
        var verdict = DegradationCheck.Evaluate(Expectation(Backtest), worse, settings).ShouldNotBeNull();
        verdict.Degraded.ShouldBeTrue();
        verdict.Critical.ShouldBeTrue("20% winners is far outside 60% over 20 trades");
        verdict.Trades.ShouldBe(20);
        var winRate = verdict.Figures.Single(f => f.Figure == TradeFigure.WinRate);
        winRate.Below.ShouldBeTrue();
        winRate.Live.ShouldBe(20);
        winRate.Shortfall.ShouldBe(winRate.Band.Lower - 20, 1e-9);
        verdict.Message.ShouldContain("degraded over the last 20 live trades");
        verdict.Message.ShouldContain("win rate 20.00% is");
        verdict.Message.ShouldContain("average trade -0.20%");
        verdict.Message.ShouldContain("backtest 2022-12-17 to 2024-12-15: 100 trades");
    }

    [Fact]
    public void Too_few_live_trades_or_a_backtest_without_trades_say_nothing_and_the_window_keeps_the_latest()
    {
        var settings = new DegradationSettings { MinTrades = 10, Window = 10 };
        DegradationCheck.Evaluate(Expectation(Backtest), [.. Enumerable.Repeat(-1.0, 9)], settings).ShouldBeNull();
        DegradationCheck.Evaluate(Expectation([]), [.. Enumerable.Repeat(-1.0, 30)], settings).ShouldBeNull();

        // Ten bad trades long ago, then ten like the backtest: the window sees only the recent ones.
        double[] recovered = [.. Enumerable.Repeat(-1.0, 10), .. Backtest.Take(10)];
        var verdict = DegradationCheck.Evaluate(Expectation(Backtest), recovered, settings).ShouldNotBeNull();
        verdict.Trades.ShouldBe(10);
        verdict.Degraded.ShouldBeFalse(verdict.Message);
    }

    [Fact]
    public void Settings_that_contradict_each_other_are_named()
    {
        new DegradationSettings { MinTrades = 20, Window = 10 }.Problems().ShouldContain("window must be at least minTrades");
        new DegradationSettings { ConfidencePercent = 99, CriticalConfidencePercent = 95 }.Problems().ShouldHaveSingleItem().ShouldContain("criticalConfidencePercent");
        new DegradationSettings().Problems().ShouldBeEmpty();
    }

    [Fact]
    public void Drift_tolerance_is_a_share_of_the_replays_return_with_a_floor_and_no_missed_or_extra_trade()
    {
        new DriftSummary(10, 0, 0, 0, 10.4, 10).WithinTolerance(5).ShouldBeTrue("0.4 points of a 10% replay is 4%");
        new DriftSummary(10, 0, 0, 0, 10.6, 10).WithinTolerance(5).ShouldBeFalse("0.6 points is 6%");
        new DriftSummary(10, 0, 0, 0, 0.04, 0).WithinTolerance(5).ShouldBeTrue("a flat replay allows 0.05 points");
        new DriftSummary(10, 1, 0, 0, 10, 10).WithinTolerance(5).ShouldBeFalse("a missed trade");
        new DriftSummary(10, 0, 1, 0, 10, 10).WithinTolerance(5).ShouldBeFalse("an extra trade");
    }
}
