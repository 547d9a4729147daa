using Keel.Core.Backtest;
using Keel.Core.Domain;
using Keel.Core.Ensembles;
using Keel.Core.Research;
using Keel.Core.Strategies;
using Keel.Core.Trading;

namespace Keel.Core.Gates;

/// <summary>
/// Runs the backtests a gate rests on: each configured strategy alone over the bars (same settings as
/// paper: costs, risk, regular hours), and again trading only after the in-sample part, for the out-of-sample figures.
/// </summary>
public static class BacktestEvidence
{
    public static IReadOnlyList<StrategyEvidence> Measure(BacktestSettings settings, IReadOnlyList<BarSeries> bars, IReadOnlyList<IStrategySpec> strategies, GateThresholds thresholds)
    {
        var times = bars.SelectMany(s => s.Span.ToArray().Select(b => b.Timestamp)).Distinct().Order().ToArray();
        if (times.Length < 2) throw new ArgumentException("The data source served fewer than two bars for the backtest evidence.");
        var oosFrom = times[Math.Clamp((int)(times.Length * (1 - thresholds.OutOfSampleFraction)), 1, times.Length - 1)];
        return strategies.Select(spec => Measure(settings, bars, spec, oosFrom, times)).ToList();
    }

    private static StrategyEvidence Measure(BacktestSettings settings, IReadOnlyList<BarSeries> bars, IStrategySpec spec, DateTime oosFrom, DateTime[] times)
    {
        var full = Backtester.Run(settings, bars, [spec]);
        var oos = Backtester.Run(settings, bars, [() => (IStrategy)new GatedStrategy(spec.Create(), oosFrom)]);
        var worst = full.Trades.Count == 0 ? 0 : (double)(full.Trades.Min(t => t.NetPnl) / settings.StartingCash) * 100;
        return new StrategyEvidence
        {
            Strategy = spec.Text,
            From = times[0],
            To = times[^1],
            Metrics = full.Metrics,
            OutOfSample = oos.Metrics,
            OutOfSampleFrom = oosFrom,
            DailyReturns = full.DailyReturns,
            Months = Monthly(full.EquityCurve, (double)settings.StartingCash),
            WorstTradePct = worst,
            Members = spec is EnsembleSpec ensemble ? ensemble.Members.Select(m => Measure(settings, bars, m, oosFrom, times)).ToList() : [],
        };
    }

    /// <summary>Each calendar month's return from the previous month's last equity (the first from the starting equity).</summary>
    internal static List<(DateOnly, double)> Monthly(IReadOnlyList<EquityPoint> curve, double startingEquity)
    {
        var months = new List<(DateOnly, double)>();
        var previous = startingEquity;
        foreach (var month in curve.GroupBy(p => new DateOnly(p.Time.Year, p.Time.Month, 1)))
        {
            var end = month.Last().Equity;
            months.Add((month.Key, previous > 0 ? (end / previous - 1) * 100 : 0));
            previous = end;
        }
        return months;
    }
}
