using Keel.Core.Trading;

namespace Keel.Core.Metrics;

/// <summary>
/// Computes <see cref="PerformanceMetrics"/> from a run's equity curve and closed trades.
/// One pass over each list and no heap allocation beyond the result, because it runs after
/// million-bar backtests and inside thousand-trial parameter sweeps.
/// </summary>
public static class PerformanceCalculator
{
    /// <summary>
    /// Standard deviations below this are float noise of a constant return series, not risk;
    /// dividing by them would turn a straight line into an absurd Sharpe ratio.
    /// </summary>
    internal const double NegligibleDeviation = 1e-14;

    private const double DaysPerYear = 365.25;

    /// <summary>Computes every metric of one run.</summary>
    /// <param name="curve">The equity curve in time order (one point per bar).</param>
    /// <param name="trades">The closed trades of the run.</param>
    /// <param name="startingEquity">The account before the first bar.</param>
    /// <param name="endingEquity">The account after the last bar.</param>
    /// <param name="periodsPerYear">Bars per year for annualising, usually from <see cref="PeriodsPerYear.For"/>.</param>
    /// <param name="totalCommissions">Commissions paid over the run, reported as given.</param>
    /// <param name="totalSlippage">Slippage cost over the run, reported as given.</param>
    /// <remarks>
    /// Definitions, with E_i the equity of curve point i and E_-1 = <paramref name="startingEquity"/>:
    /// <list type="bullet">
    /// <item><b>Returns</b>: r_i = E_i / E_(i-1) − 1 for every point; a point whose previous equity is
    /// zero or negative has no defined return and is skipped. n = the number of returns.</item>
    /// <item><b>Sharpe</b> = mean(r) / stdev(r) · √periodsPerYear, stdev the sample deviation (n − 1);
    /// 0 with fewer than 2 returns or a deviation of 0 (below 1e-14, i.e. float noise).
    /// Risk-free rate 0.</item>
    /// <item><b>Sortino</b> = mean(r) / DD · √periodsPerYear with the downside deviation
    /// DD = √(Σ min(r, 0)² / n) over all n returns (target 0); 0 when no return is negative, so the
    /// value stays finite for serialisation.</item>
    /// <item><b>Total return %</b> = (ending / starting − 1) · 100; 0 if starting equity is not positive.</item>
    /// <item><b>CAGR %</b> = ((ending / starting)^(1 / years) − 1) · 100 with years = days between the
    /// first and last curve points / 365.25; 0 when that span is under one day; −100 when the ending
    /// equity is zero or negative.</item>
    /// <item><b>Max drawdown %</b> = max over points of (peak − E_i) / peak · 100, with peak the running
    /// maximum of the starting equity and E_0..E_i.</item>
    /// <item><b>Max drawdown duration</b> = the longest span from the last point at a peak (the starting
    /// equity counts as standing at the first point's time) to the first later point at or above that
    /// peak, or to the last point when it never recovers.</item>
    /// <item><b>Calmar</b> = CAGR % / max drawdown %; 0 without a drawdown.</item>
    /// <item><b>Exposure %</b> = points with PositionValue ≠ 0 / all points · 100.</item>
    /// <item><b>Win rate %</b> = trades with NetPnl &gt; 0 / trades · 100 (break-even trades are neither
    /// wins nor losses); <b>average win</b> = mean NetPnl of winners, <b>average loss</b> = mean NetPnl of
    /// losers (negative), each 0 when there are none.</item>
    /// <item><b>Profit factor</b> = Σ positive NetPnl / |Σ negative NetPnl|; +∞ with winners and no
    /// losers; 0 with no winners.</item>
    /// <item><b>Expectancy</b> = mean NetPnl over all trades; 0 without trades.</item>
    /// </list>
    /// An empty curve gives 0 for every curve metric.
    /// </remarks>
    public static PerformanceMetrics Compute(
        IReadOnlyList<EquityPoint> curve,
        IReadOnlyList<Trade> trades,
        decimal startingEquity,
        decimal endingEquity,
        double periodsPerYear,
        decimal totalCommissions,
        decimal totalSlippage)
    {
        ArgumentNullException.ThrowIfNull(curve);
        ArgumentNullException.ThrowIfNull(trades);
        return Compute(CurveStatistics.Of(curve, (double)startingEquity), TradeStatistics.Of(trades), startingEquity, endingEquity, periodsPerYear, totalCommissions, totalSlippage);
    }

    /// <summary>
    /// As above, from statistics gathered while the run went (<see cref="CurveAccumulator"/>,
    /// <see cref="TradeStatistics.Add"/>), so that it need not keep its curve or its trades.
    /// </summary>
    internal static PerformanceMetrics Compute(
        CurveStatistics c,
        TradeStatistics t,
        decimal startingEquity,
        decimal endingEquity,
        double periodsPerYear,
        decimal totalCommissions,
        decimal totalSlippage)
    {
        if (!double.IsFinite(periodsPerYear) || periodsPerYear <= 0)
            throw new ArgumentOutOfRangeException(nameof(periodsPerYear), periodsPerYear, "Periods per year must be a positive number.");

        var annualiser = Math.Sqrt(periodsPerYear);

        var cagrPct = CagrPct(startingEquity, endingEquity, c.Elapsed);
        return new PerformanceMetrics
        {
            StartingEquity = startingEquity,
            EndingEquity = endingEquity,
            TotalReturnPct = startingEquity > 0 ? (double)((endingEquity - startingEquity) / startingEquity) * 100 : 0,
            CagrPct = cagrPct,
            Trades = t.Count,
            WinRatePct = t.Count > 0 ? (double)t.Winners / t.Count * 100 : 0,
            AverageWin = t.Winners > 0 ? t.GrossWins / t.Winners : 0,
            AverageLoss = t.Losers > 0 ? t.GrossLosses / t.Losers : 0,
            ProfitFactor = t.Winners == 0 ? 0 : t.Losers == 0 ? double.PositiveInfinity : (double)(t.GrossWins / -t.GrossLosses),
            Expectancy = t.Count > 0 ? t.NetPnl / t.Count : 0,
            MaxDrawdownPct = c.MaxDrawdownPct,
            MaxDrawdownDuration = c.MaxDrawdownDuration,
            Sharpe = c.ReturnCount >= 2 && c.ReturnStdDev > NegligibleDeviation ? c.MeanReturn / c.ReturnStdDev * annualiser : 0,
            Sortino = c.DownsideDeviation > 0 ? c.MeanReturn / c.DownsideDeviation * annualiser : 0,
            Calmar = c.MaxDrawdownPct > 0 ? cagrPct / c.MaxDrawdownPct : 0,
            ExposurePct = c.ExposurePct,
            TotalCommissions = totalCommissions,
            TotalSlippage = totalSlippage,
            PeriodsPerYear = periodsPerYear,
        };
    }

    private static double CagrPct(decimal startingEquity, decimal endingEquity, TimeSpan elapsed)
    {
        var days = elapsed.TotalDays;
        if (days < 1 || startingEquity <= 0) return 0;
        if (endingEquity <= 0) return -100;
        var growth = (double)(endingEquity / startingEquity);
        return (Math.Pow(growth, DaysPerYear / days) - 1) * 100;
    }
}
