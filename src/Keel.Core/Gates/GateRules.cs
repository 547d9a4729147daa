using System.Globalization;
using Keel.Core.Research;

namespace Keel.Core.Gates;

/// <summary>
/// The go/no-go rules: the backtest evidence of every configured strategy (and each ensemble against its
/// members), the strategies together, and the paper record. Pure: figures in, verdicts out. Rule names
/// are stable (scripts and <c>keel live</c>'s refusal name them).
/// </summary>
public static class GateRules
{
    public static GateResult Evaluate(string version, DateTime time, GateThresholds t, IReadOnlyList<StrategyEvidence> strategies, PaperRecord paper)
    {
        var rules = new List<GateRuleResult>();
        foreach (var s in strategies) rules.AddRange(StrategyRules(t, s, strategies));
        rules.Add(Ensemble(strategies));
        rules.Add(CorrelationRule(t, strategies));
        rules.Add(Pbo(t, strategies));
        rules.AddRange(PaperRules(t, paper));
        return new GateResult(version, time, rules);
    }

    private static IEnumerable<GateRuleResult> StrategyRules(GateThresholds t, StrategyEvidence s, IReadOnlyList<StrategyEvidence> all)
    {
        var m = s.Metrics;
        var period = F($"{s.From:yyyy-MM-dd}..{s.To:yyyy-MM-dd}");
        yield return new("post_cost_sharpe", s.Strategy, m.Sharpe > t.MinSharpe ? GateStatus.Pass : GateStatus.Fail,
            F($"Sharpe {m.Sharpe:0.00} after costs (fees {m.TotalCommissions:0.00}, slippage {m.TotalSlippage:0.00}) over {period}, {m.Trades} trades; needs > {t.MinSharpe}"));

        var o = s.OutOfSample;
        yield return new("walk_forward_out_of_sample", s.Strategy, o.Sharpe > 0 && o.TotalReturnPct > 0 ? GateStatus.Pass : GateStatus.Fail,
            F($"out of sample from {s.OutOfSampleFrom:yyyy-MM-dd HH:mm} (last {t.OutOfSampleFraction:P0} of the bars, warmed up before): Sharpe {o.Sharpe:0.00}, return {o.TotalReturnPct:0.00}%, {o.Trades} trades; needs both positive"));

        var dd = m.MaxDrawdownPct;
        yield return new("max_drawdown", s.Strategy,
            dd >= t.MaxDrawdownFailPercent ? GateStatus.Fail : dd >= t.MaxDrawdownWarnPercent ? GateStatus.Warn : GateStatus.Pass,
            F($"max drawdown {dd:0.00}% over {period}; warn at {t.MaxDrawdownWarnPercent}%, fail at {t.MaxDrawdownFailPercent}%"));

        var win = m.WinRatePct;
        var winStatus = m.Trades == 0 || win < t.MinWinRatePercent || win > t.MaxWinRatePercent ? GateStatus.Fail
            : win > t.WinRateOverfitWarnPercent ? GateStatus.Warn : GateStatus.Pass;
        yield return new("win_rate", s.Strategy, winStatus,
            F($"win rate {win:0.0}% post-cost over {m.Trades} trades; realistic {t.MinWinRatePercent}–{t.MaxWinRatePercent}%")
            + (winStatus == GateStatus.Warn ? F($"; above {t.WinRateOverfitWarnPercent}% in a backtest suggests overfitting") : ""));

        var trialSharpes = all.Select(x => ReturnMoments.Of(x.DailyReturns.ToArray()).Sharpe).ToList();
        var dsr = s.DailyReturns.Count > 2 ? SharpeStatistics.Deflated(s.DailyReturns.ToArray(), trialSharpes) : double.NaN;
        yield return new("deflated_sharpe", s.Strategy, dsr >= t.MinDeflatedSharpe ? GateStatus.Pass : GateStatus.Warn,
            double.IsNaN(dsr) ? F($"{s.DailyReturns.Count} daily returns: too few to deflate the Sharpe")
                : F($"deflated Sharpe {dsr:0.000} (probability the true Sharpe is positive, deflated by {all.Count} configured strategies as trials) over {s.DailyReturns.Count} days; warn below {t.MinDeflatedSharpe}"));

        var months = s.Months;
        var positive = months.Count == 0 ? 0 : 100.0 * months.Count(x => x.ReturnPct > 0) / months.Count;
        var worst = months.Count == 0 ? 0 : months.Min(x => x.ReturnPct);
        yield return new("monthly_consistency", s.Strategy,
            worst < t.WorstMonthFloorPercent ? GateStatus.Fail : positive < t.MinPositiveMonthsPercent ? GateStatus.Warn : GateStatus.Pass,
            F($"{months.Count(x => x.ReturnPct > 0)} of {months.Count} months positive ({positive:0}%, needs {t.MinPositiveMonthsPercent}%); worst month {worst:0.00}% (floor {t.WorstMonthFloorPercent}%)"));

        yield return new("worst_trade", s.Strategy, -s.WorstTradePct > t.MaxSingleTradeLossPercent ? GateStatus.Fail : GateStatus.Pass,
            F($"worst single trade {s.WorstTradePct:0.00}% of starting equity; must lose less than {t.MaxSingleTradeLossPercent}%"));
    }

    private static GateRuleResult Ensemble(IReadOnlyList<StrategyEvidence> strategies)
    {
        var ensembles = strategies.Where(s => s.Members.Count > 0).ToList();
        if (ensembles.Count == 0) return new("ensemble_beats_best_member", "ensemble", GateStatus.Pass, "no ensemble configured");
        var lines = new List<string>();
        var ok = true;
        foreach (var e in ensembles)
        {
            var best = e.Members.MaxBy(m => m.OutOfSample.Sharpe)!;
            var beats = e.OutOfSample.Sharpe > best.OutOfSample.Sharpe;
            ok &= beats;
            lines.Add(F($"{e.Strategy}: out-of-sample Sharpe {e.OutOfSample.Sharpe:0.00} vs best member {best.Strategy} {best.OutOfSample.Sharpe:0.00}"));
        }
        return new("ensemble_beats_best_member", "ensemble", ok ? GateStatus.Pass : GateStatus.Fail, string.Join("; ", lines));
    }

    private static GateRuleResult CorrelationRule(GateThresholds t, IReadOnlyList<StrategyEvidence> strategies)
    {
        if (strategies.Count < 2) return new("strategy_correlation", "strategies", GateStatus.Pass, "one strategy configured: nothing to correlate");
        var worst = (Value: double.NegativeInfinity, A: "", B: "");
        for (var i = 0; i < strategies.Count; i++)
        for (var j = i + 1; j < strategies.Count; j++)
        {
            var a = strategies[i].DailyReturns;
            var b = strategies[j].DailyReturns;
            var n = Math.Min(a.Count, b.Count);
            if (n < 3) continue;
            var r = Correlation.Pearson(a.Take(n).ToArray(), b.Take(n).ToArray());
            if (!double.IsNaN(r) && r > worst.Value) worst = (r, strategies[i].Strategy, strategies[j].Strategy);
        }
        if (double.IsNegativeInfinity(worst.Value)) return new("strategy_correlation", "strategies", GateStatus.Warn, "too few daily returns to correlate the strategies");
        return new("strategy_correlation", "strategies", worst.Value > t.MaxCorrelation ? GateStatus.Warn : GateStatus.Pass,
            F($"highest daily-return correlation {worst.Value:0.00} between {worst.A} and {worst.B}; warn above {t.MaxCorrelation} (diversify across uncorrelated signals)"));
    }

    private static GateRuleResult Pbo(GateThresholds t, IReadOnlyList<StrategyEvidence> strategies)
    {
        var n = strategies.Count == 0 ? 0 : strategies.Min(s => s.DailyReturns.Count);
        if (strategies.Count < 2)
            return new("pbo", "strategies", GateStatus.Warn, "one strategy configured: the probability of backtest overfitting needs several candidates (run keel sweep for the parameter search's PBO)");
        var partitions = Math.Min(BacktestOverfitting.DefaultPartitions, n - n % 2);
        if (partitions < 2) return new("pbo", "strategies", GateStatus.Warn, F($"{n} daily returns: too few for the probability of backtest overfitting"));
        var matrix = new double[n, strategies.Count];
        for (var i = 0; i < n; i++)
        for (var j = 0; j < strategies.Count; j++) matrix[i, j] = strategies[j].DailyReturns[i];
        var estimate = BacktestOverfitting.Estimate(matrix, partitions);
        return new("pbo", "strategies", estimate.Probability > t.MaxPbo ? GateStatus.Fail : GateStatus.Pass,
            F($"probability of backtest overfitting {estimate.Probability:0.00} (CSCV, {partitions} partitions of {n} days, the {strategies.Count} configured strategies as candidates); fail above {t.MaxPbo}"));
    }

    private static IEnumerable<GateRuleResult> PaperRules(GateThresholds t, PaperRecord p)
    {
        const string paper = "paper";
        var period = p.From is { } f ? F($"{f:yyyy-MM-dd HH:mm}..{p.To:yyyy-MM-dd HH:mm} (broker time)") : "none";
        yield return new("paper_days", paper, p.From is not null && p.Days >= t.MinPaperDays ? GateStatus.Pass : GateStatus.Fail,
            p.From is null ? F($"no paper session of version {p.Version} recorded; needs {t.MinPaperDays} days")
                : F($"{p.Days:0.0} days of paper trading of version {p.Version}, {period}; needs {t.MinPaperDays}"));
        yield return new("paper_trades", paper, p.Trades >= t.MinPaperTrades && p.From is not null ? GateStatus.Pass : GateStatus.Fail,
            F($"{p.Trades} trades closed in the paper period; needs {t.MinPaperTrades}"));
        yield return p.Drift is not { } d
            ? new("paper_matches_backtest", paper, GateStatus.Fail, "no drift replay of the paper period (keel drift) available")
            : new("paper_matches_backtest", paper,
                d.WithinTolerance(t.MaxPaperDriftPercent) ? GateStatus.Pass : GateStatus.Fail,
                F($"paper return {d.PaperReturnPct:0.000}% vs replay {d.ReplayReturnPct:0.000}% (difference {d.ReturnDifferencePct:0.000} points, allowed {t.MaxPaperDriftPercent}% of the replay's); {d.Matched} trades matched, {d.Missed} missed, {d.Extra} extra, {d.Mispriced} mispriced"));
        yield return new("every_trade_explained", paper, p.Unexplained.Count == 0 ? GateStatus.Pass : GateStatus.Fail,
            p.Unexplained.Count == 0 ? F($"all {p.FilledOrders} filled orders of the period have a reason and, for strategy orders, a decision at their bar")
                : F($"{p.Unexplained.Count} of {p.FilledOrders} filled orders unexplained: ") + string.Join("; ", p.Unexplained.Take(5)));
        yield return new("daily_loss_limit_respected", paper, p.DailyLossBreaches.Count == 0 ? GateStatus.Pass : GateStatus.Fail,
            p.DailyLossBreaches.Count == 0 ? F($"worst day {p.WorstDayPct:0.00}%; no day went past the limit without halting entries") : string.Join("; ", p.DailyLossBreaches.Take(5)));
        yield return new("position_caps_respected", paper, p.CapBreaches.Count == 0 ? GateStatus.Pass : GateStatus.Fail,
            p.CapBreaches.Count == 0 ? F($"no entry of {p.FilledOrders} filled orders over the quantity, notional or open-position caps") : string.Join("; ", p.CapBreaches.Take(5)));
        yield return p.StopsCheckedOnBars
            ? new("stops_respected", paper, p.StopBreaches.Count == 0 ? GateStatus.Pass : GateStatus.Fail,
                p.StopBreaches.Count == 0
                    ? p.StopsReached == 0
                        ? F($"{p.Trades} trades checked against the period's bars: none reached a stop-loss or take-profit level (or none is configured)")
                        : F($"{p.Trades} trades checked against the period's bars: all {p.StopsReached} whose stop-loss or take-profit level was reached exited within {StopLevelCheck.GraceBars} bars")
                    : F($"{p.StopBreaches.Count} of {p.StopsReached} trades that reached their stop-loss or take-profit level stayed open: ") + string.Join("; ", p.StopBreaches.Take(5)))
            : new("stops_respected", paper, p.StopBreaches.Count == 0 ? GateStatus.Pass : GateStatus.Warn,
                p.StopBreaches.Count == 0 ? "no trade lost well past its stop loss (or no stop configured); the period's bars were not at hand to check each level" : string.Join("; ", p.StopBreaches.Take(5)));
        yield return new("last_reconciliation_clean", paper, p.ReconciliationClean ? GateStatus.Pass : GateStatus.Fail,
            p.LastReconciliation is null ? "no reconciliation difference recorded in the period" : "last reconciliation alert: " + p.LastReconciliation);
        yield return new("no_open_critical_alerts", paper, p.OpenCriticalAlerts == 0 ? GateStatus.Pass : GateStatus.Fail,
            F($"{p.OpenCriticalAlerts} critical alerts recorded in the paper period"));
    }

    private static string F(FormattableString s) => s.ToString(CultureInfo.InvariantCulture);
}
