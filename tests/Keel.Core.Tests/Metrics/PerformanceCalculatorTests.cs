using Keel.Core.Domain;
using Keel.Core.Metrics;
using Keel.Core.Trading;

namespace Keel.Core.Tests.Metrics;

public class PerformanceCalculatorTests
{
    private const double Tolerance = 1e-9;
    private static readonly DateTime Day0 = new(2024, 1, 1, 0, 0, 0, DateTimeKind.Utc);
    private static readonly Symbol Spy = Symbol.Parse("SPY");

    // The worked example, daily points, starting equity 100:
    //   day  equity  position   return r_i            running peak  drawdown
    //   0    110     0          110/100 − 1 = +0.10   110           0
    //   1     99     50          99/110 − 1 = −0.10   110           11/110 = 10%
    //   2     99     50          99/99  − 1 =  0      110           10%
    //   3    118.8   0         118.8/99 − 1 = +0.20   118.8         0 (recovered after 3 days)
    //   4    100.98  0      100.98/118.8 − 1 = −0.15   118.8         17.82/118.8 = 15% (never recovered)
    private static readonly EquityPoint[] WorkedCurve =
    [
        Point(0, 110, 0),
        Point(1, 99, 50),
        Point(2, 99, 50),
        Point(3, 118.8, 0),
        Point(4, 100.98, 0),
    ];

    // Net P&L +10, −5, +20 and one break-even 0.
    private static readonly Trade[] WorkedTrades =
    [
        Trade(entry: 10, exit: 11, quantity: 12, fees: 2), // gross 12, net +10
        Trade(entry: 20, exit: 19, quantity: 4, fees: 1),  // gross −4, net −5
        Trade(entry: 5, exit: 7, quantity: 10, fees: 0),   // gross 20, net +20
        Trade(entry: 10, exit: 10, quantity: 1, fees: 0),  // break-even, net 0
    ];

    private static PerformanceMetrics Worked() =>
        PerformanceCalculator.Compute(WorkedCurve, WorkedTrades, 100m, 100.98m, 252, 3m, 1.5m);

    [Fact]
    public void Sharpe_is_the_annualised_mean_over_the_sample_deviation()
    {
        // mean = (0.1 − 0.1 + 0 + 0.2 − 0.15) / 5 = 0.01
        // deviations 0.09, −0.11, −0.01, 0.19, −0.16 → squares sum 0.0081+0.0121+0.0001+0.0361+0.0256 = 0.082
        // sample variance 0.082 / 4 = 0.0205 → stdev 0.143178210632764
        // Sharpe = 0.01 / 0.143178210632764 · √252 (15.874507866387544) = 1.108723722431755
        Worked().Sharpe.ShouldBe(1.108723722431755, Tolerance);
    }

    [Fact]
    public void Sortino_divides_by_the_downside_deviation_over_all_returns()
    {
        // downside squares: 0.1² + 0.15² = 0.01 + 0.0225 = 0.0325, over n = 5 → 0.0065 → DD = 0.080622577482985
        // Sortino = 0.01 / 0.080622577482985 · 15.874507866387544 = 1.968990369941681
        Worked().Sortino.ShouldBe(1.968990369941681, Tolerance);
    }

    [Fact]
    public void Total_return_and_cagr_come_from_starting_and_ending_equity()
    {
        var m = Worked();
        // (100.98 / 100 − 1) · 100 = 0.98
        m.TotalReturnPct.ShouldBe(0.98, Tolerance);
        m.TotalPnl.ShouldBe(0.98m);
        // 4 days elapsed → years = 4 / 365.25; 1.0098^(365.25 / 4) − 1 = 1.436362412435 → 143.6362412435%
        m.CagrPct.ShouldBe(143.6362412435, 1e-7);
    }

    [Fact]
    public void Drawdown_depth_duration_and_calmar()
    {
        var m = Worked();
        m.MaxDrawdownPct.ShouldBe(15, Tolerance);
        // From the peak at day 0 to the recovery at day 3 = 3 days; the later unrecovered one lasts 1 day.
        m.MaxDrawdownDuration.ShouldBe(TimeSpan.FromDays(3));
        // Calmar = 143.6362412435 / 15 = 9.5757494162
        m.Calmar.ShouldBe(9.5757494162, 1e-7);
    }

    [Fact]
    public void Exposure_is_the_share_of_points_holding_a_position()
    {
        // 2 of 5 points have a position value → 40%.
        Worked().ExposurePct.ShouldBe(40, Tolerance);
    }

    [Fact]
    public void Trade_statistics()
    {
        var m = Worked();
        m.Trades.ShouldBe(4);
        m.WinRatePct.ShouldBe(50, Tolerance);   // 2 winners of 4 (the break-even is not a win)
        m.AverageWin.ShouldBe(15m);             // (10 + 20) / 2
        m.AverageLoss.ShouldBe(-5m);            // −5 / 1
        m.ProfitFactor.ShouldBe(6, Tolerance);  // 30 / |−5|
        m.Expectancy.ShouldBe(6.25m);           // (10 − 5 + 20 + 0) / 4
    }

    [Fact]
    public void Inputs_are_passed_through()
    {
        var m = Worked();
        m.StartingEquity.ShouldBe(100m);
        m.EndingEquity.ShouldBe(100.98m);
        m.TotalCommissions.ShouldBe(3m);
        m.TotalSlippage.ShouldBe(1.5m);
        m.PeriodsPerYear.ShouldBe(252);
    }

    [Fact]
    public void No_trades_gives_zero_trade_statistics()
    {
        var m = PerformanceCalculator.Compute(WorkedCurve, [], 100m, 100.98m, 252, 0m, 0m);
        m.Trades.ShouldBe(0);
        m.WinRatePct.ShouldBe(0);
        m.AverageWin.ShouldBe(0m);
        m.AverageLoss.ShouldBe(0m);
        m.ProfitFactor.ShouldBe(0);
        m.Expectancy.ShouldBe(0m);
    }

    [Fact]
    public void Only_winners_has_an_infinite_profit_factor_and_only_losers_zero()
    {
        var winners = PerformanceCalculator.Compute(WorkedCurve, [WorkedTrades[0], WorkedTrades[2]], 100m, 100m, 252, 0m, 0m);
        winners.ProfitFactor.ShouldBe(double.PositiveInfinity);
        winners.AverageLoss.ShouldBe(0m);

        var losers = PerformanceCalculator.Compute(WorkedCurve, [WorkedTrades[1]], 100m, 100m, 252, 0m, 0m);
        losers.ProfitFactor.ShouldBe(0);
        losers.AverageWin.ShouldBe(0m);
        losers.WinRatePct.ShouldBe(0);
    }

    [Fact]
    public void A_flat_curve_has_no_risk_and_no_return()
    {
        EquityPoint[] flat = [Point(0, 100, 0), Point(1, 100, 0), Point(2, 100, 0), Point(3, 100, 0), Point(4, 100, 0)];
        var m = PerformanceCalculator.Compute(flat, [], 100m, 100m, 252, 0m, 0m);
        m.Sharpe.ShouldBe(0);
        m.Sortino.ShouldBe(0);
        m.MaxDrawdownPct.ShouldBe(0);
        m.MaxDrawdownDuration.ShouldBe(TimeSpan.Zero);
        m.Calmar.ShouldBe(0);
        m.TotalReturnPct.ShouldBe(0);
        m.CagrPct.ShouldBe(0);
        m.ExposurePct.ShouldBe(0);
    }

    [Fact]
    public void A_drawdown_that_never_recovers_lasts_until_the_last_point()
    {
        // start 100: 100 (peak, day 0), 90, 95, 80 → deepest (100 − 80) / 100 = 20%, from day 0 to day 3.
        EquityPoint[] curve = [Point(0, 100, 0), Point(1, 90, 0), Point(2, 95, 0), Point(3, 80, 0)];
        var m = PerformanceCalculator.Compute(curve, [], 100m, 80m, 252, 0m, 0m);
        m.MaxDrawdownPct.ShouldBe(20, Tolerance);
        m.MaxDrawdownDuration.ShouldBe(TimeSpan.FromDays(3));
        m.TotalReturnPct.ShouldBe(-20, Tolerance);
    }

    [Fact]
    public void The_starting_equity_is_a_peak_at_the_first_points_time()
    {
        // start 100, first point 90 already 10% down; back at 100 on day 2 → 2 days.
        EquityPoint[] curve = [Point(0, 90, 0), Point(1, 95, 0), Point(2, 100, 0)];
        var m = PerformanceCalculator.Compute(curve, [], 100m, 100m, 252, 0m, 0m);
        m.MaxDrawdownPct.ShouldBe(10, Tolerance);
        m.MaxDrawdownDuration.ShouldBe(TimeSpan.FromDays(2));
    }

    [Fact]
    public void Time_at_a_peak_does_not_count_as_drawdown()
    {
        // 100, 100, 100 at the peak, then 99 on day 3, back to 100 on day 4: the drawdown started at day 2.
        EquityPoint[] curve = [Point(0, 100, 0), Point(1, 100, 0), Point(2, 100, 0), Point(3, 99, 0), Point(4, 100, 0)];
        var m = PerformanceCalculator.Compute(curve, [], 100m, 100m, 252, 0m, 0m);
        m.MaxDrawdownDuration.ShouldBe(TimeSpan.FromDays(2));
    }

    [Fact]
    public void Cagr_over_two_years_is_the_yearly_rate()
    {
        // 100 → 121 over 730.5 days = 2 years of 365.25 days → 1.21^(1/2) − 1 = 10%.
        EquityPoint[] curve = [new(Day0, 100, 100, 0), new(Day0.AddDays(730.5), 121, 121, 0)];
        var m = PerformanceCalculator.Compute(curve, [], 100m, 121m, 252, 0m, 0m);
        m.CagrPct.ShouldBe(10, 1e-9);
    }

    [Fact]
    public void Cagr_is_zero_under_one_day_and_minus_100_when_wiped_out()
    {
        EquityPoint[] hours = [new(Day0, 100, 100, 0), new(Day0.AddHours(23), 150, 150, 0)];
        PerformanceCalculator.Compute(hours, [], 100m, 150m, 252, 0m, 0m).CagrPct.ShouldBe(0);

        EquityPoint[] wiped = [Point(0, 100, 0), Point(10, 0, 0)];
        PerformanceCalculator.Compute(wiped, [], 100m, 0m, 252, 0m, 0m).CagrPct.ShouldBe(-100);
    }

    [Fact]
    public void Constant_growth_has_no_deviation_so_sharpe_is_zero_not_huge()
    {
        // Every return is 10% but float division leaves tiny differences between them.
        EquityPoint[] curve = [Point(0, 110, 0), Point(1, 121, 0), Point(2, 133.1, 0), Point(3, 146.41, 0)];
        var m = PerformanceCalculator.Compute(curve, [], 100m, 146.41m, 252, 0m, 0m);
        m.Sharpe.ShouldBe(0);
        m.Sortino.ShouldBe(0); // no negative return
    }

    [Fact]
    public void Fewer_than_two_returns_gives_zero_sharpe()
    {
        var m = PerformanceCalculator.Compute([Point(0, 90, 0)], [], 100m, 90m, 252, 0m, 0m);
        m.Sharpe.ShouldBe(0);
    }

    [Fact]
    public void An_empty_curve_gives_zero_curve_metrics()
    {
        var m = PerformanceCalculator.Compute([], [], 100m, 100m, 252, 0m, 0m);
        m.Sharpe.ShouldBe(0);
        m.Sortino.ShouldBe(0);
        m.MaxDrawdownPct.ShouldBe(0);
        m.MaxDrawdownDuration.ShouldBe(TimeSpan.Zero);
        m.ExposurePct.ShouldBe(0);
        m.CagrPct.ShouldBe(0);
    }

    [Fact]
    public void A_non_positive_period_count_is_refused()
    {
        Should.Throw<ArgumentOutOfRangeException>(() => PerformanceCalculator.Compute([], [], 100m, 100m, 0, 0m, 0m));
        Should.Throw<ArgumentOutOfRangeException>(() => PerformanceCalculator.Compute([], [], 100m, 100m, double.NaN, 0m, 0m));
    }

    [Fact]
    public void A_million_bars_take_one_pass_and_no_allocation_beyond_the_result()
    {
        var curve = new EquityPoint[1_000_000];
        var equity = 100_000.0;
        var random = new Random(42);
        for (var i = 0; i < curve.Length; i++)
        {
            equity *= 1 + (random.NextDouble() - 0.5) * 0.002;
            curve[i] = new EquityPoint(Day0.AddMinutes(i), equity, equity / 2, equity / 2);
        }
        PerformanceCalculator.Compute(curve, WorkedTrades, 100_000m, 100_000m, 98_280, 0m, 0m); // warm up

        var before = GC.GetAllocatedBytesForCurrentThread();
        var m = PerformanceCalculator.Compute(curve, WorkedTrades, 100_000m, (decimal)equity, 98_280, 0m, 0m);
        var allocated = GC.GetAllocatedBytesForCurrentThread() - before;

        allocated.ShouldBeLessThan(1_024);
        m.ExposurePct.ShouldBe(100);
        double.IsFinite(m.Sharpe).ShouldBeTrue();
    }

    private static EquityPoint Point(int day, double equity, double positionValue) =>
        new(Day0.AddDays(day), equity, equity - positionValue, positionValue);

    private static Trade Trade(decimal entry, decimal exit, decimal quantity, decimal fees) =>
        new("sma", Spy, Day0, entry, Day0.AddDays(1), exit, quantity, fees, 0m, "cross up", "cross down");
}
