using Keel.Core.Backtest;
using Keel.Core.Domain;
using Keel.Core.Gates;
using Keel.Core.Strategies;

namespace Keel.Core.Tests.Gates;

/// <summary>The gate rules on real backtest evidence, and each threshold's edge on evidence changed one figure at a time.</summary>
public class GateRulesTests
{
    private static readonly DateTime Start = new(2024, 1, 1, 0, 0, 0, DateTimeKind.Utc);
    private static readonly DateTime Now = new(2025, 3, 1, 0, 0, 0, DateTimeKind.Utc);

    private static IReadOnlyList<BarSeries> Data()
    {
        var bars = Enumerable.Range(0, 420).Select(i =>
        {
            var close = 100 + 10 * Math.Sin(i / 9.0) + i * 0.05;
            return new Bar(Start.AddDays(i), close - 0.5, close + 1, close - 1, close, 1000);
        }).ToArray();
        return [new BarSeries(Symbol.Parse("BTC/USD"), Timeframe.OneDay, bars)];
    }

    private static IReadOnlyList<StrategyEvidence> Evidence(string strategies) =>
        BacktestEvidence.Measure(new BacktestSettings(), Data(), StrategyText.ParseList(strategies), new GateThresholds());

    private static GateRuleResult Rule(GateResult result, string name, string? subject = null) =>
        result.Rules.Single(r => r.Rule == name && (subject is null || r.Subject == subject));

    [Fact]
    public void Every_rule_has_a_verdict_and_evidence_and_an_empty_paper_record_fails()
    {
        var evidence = Evidence("sma-crossover:fast=5,slow=20;rsi:period=14");
        evidence.ShouldAllBe(e => e.Metrics.Trades > 0 && e.Months.Count >= 13);
        var result = GateRules.Evaluate("v1", Now, new GateThresholds(), evidence, new PaperRecord { Version = "v1" });
        result.Rules.Count(r => r.Rule == "post_cost_sharpe").ShouldBe(2);
        result.Rules.ShouldAllBe(r => r.Evidence.Length > 0);
        Rule(result, "paper_days").Evidence.ShouldBe("no paper session of version v1 recorded; needs 30 days");
        Rule(result, "paper_matches_backtest").Status.ShouldBe(GateStatus.Fail);
        Rule(result, "pbo").Evidence.ShouldContain("2 configured strategies");
        Rule(result, "strategy_correlation").Evidence.ShouldContain("highest daily-return correlation");
        Rule(result, "ensemble_beats_best_member").Evidence.ShouldBe("no ensemble configured");
        result.Status.ShouldBe(GateStatus.Fail);
        result.Failing.ShouldContain(r => r.Rule == "paper_days");
    }

    [Fact]
    public void Thresholds_decide_pass_warn_and_fail()
    {
        var e = Evidence("sma-crossover:fast=5,slow=20")[0];
        GateStatus Status(StrategyEvidence changed, string rule, GateThresholds? t = null) =>
            Rule(GateRules.Evaluate("v", Now, t ?? new GateThresholds(), [changed], new PaperRecord { Version = "v" }), rule, changed.Strategy).Status;

        Status(e with { Metrics = e.Metrics with { MaxDrawdownPct = 19.9 } }, "max_drawdown").ShouldBe(GateStatus.Pass);
        Status(e with { Metrics = e.Metrics with { MaxDrawdownPct = 20 } }, "max_drawdown").ShouldBe(GateStatus.Warn);
        Status(e with { Metrics = e.Metrics with { MaxDrawdownPct = 30 } }, "max_drawdown").ShouldBe(GateStatus.Fail);
        Status(e with { Metrics = e.Metrics with { WinRatePct = 45 } }, "win_rate").ShouldBe(GateStatus.Pass);
        Status(e with { Metrics = e.Metrics with { WinRatePct = 55 } }, "win_rate").ShouldBe(GateStatus.Warn);
        Status(e with { Metrics = e.Metrics with { WinRatePct = 65 } }, "win_rate").ShouldBe(GateStatus.Fail);
        Status(e with { Metrics = e.Metrics with { WinRatePct = 35 } }, "win_rate").ShouldBe(GateStatus.Fail);
        Status(e with { Metrics = e.Metrics with { Sharpe = 0.51 } }, "post_cost_sharpe").ShouldBe(GateStatus.Pass);
        Status(e with { Metrics = e.Metrics with { Sharpe = 0.5 } }, "post_cost_sharpe").ShouldBe(GateStatus.Fail);
        Status(e with { Metrics = e.Metrics with { Sharpe = 0.8 } }, "post_cost_sharpe", new GateThresholds { MinSharpe = 1 }).ShouldBe(GateStatus.Fail);
        Status(e with { OutOfSample = e.OutOfSample with { Sharpe = -0.1 } }, "walk_forward_out_of_sample").ShouldBe(GateStatus.Fail);
        Status(e with { WorstTradePct = -6 }, "worst_trade").ShouldBe(GateStatus.Fail);
        Status(e with { WorstTradePct = -4 }, "worst_trade").ShouldBe(GateStatus.Pass);
        Status(e with { Months = [(new DateOnly(2024, 1, 1), 3), (new DateOnly(2024, 2, 1), -12)] }, "monthly_consistency").ShouldBe(GateStatus.Fail);
        Status(e with { Months = [(new DateOnly(2024, 1, 1), -3), (new DateOnly(2024, 2, 1), -2), (new DateOnly(2024, 3, 1), 1)] }, "monthly_consistency").ShouldBe(GateStatus.Warn);
    }

    [Fact]
    public void An_ensemble_is_set_against_its_best_member_out_of_sample()
    {
        var evidence = Evidence("ensemble(method=consensus,min=1)[sma-crossover:fast=5,slow=20|rsi:period=14]");
        evidence[0].Members.Count.ShouldBe(2);
        var rule = Rule(GateRules.Evaluate("v", Now, new GateThresholds(), evidence, new PaperRecord { Version = "v" }), "ensemble_beats_best_member");
        var best = evidence[0].Members.Max(m => m.OutOfSample.Sharpe);
        rule.Status.ShouldBe(evidence[0].OutOfSample.Sharpe > best ? GateStatus.Pass : GateStatus.Fail);
        rule.Evidence.ShouldContain("vs best member");
    }

    [Fact]
    public void The_paper_record_rules_read_its_figures()
    {
        var e = Evidence("sma-crossover:fast=5,slow=20");
        var paper = new PaperRecord
        {
            Version = "v", From = Now.AddDays(-31), To = Now, Trades = 25, FilledOrders = 50,
            Drift = new DriftSummary(50, 0, 0, 0, 2.0, 2.05),
            CapBreaches = ["o1: quantity 20 over the cap of 10"],
            ReconciliationClean = false, LastReconciliation = "SPY: store 10, broker 0",
            OpenCriticalAlerts = 1,
        };
        var result = GateRules.Evaluate("v", Now, new GateThresholds(), e, paper);
        Rule(result, "paper_days").Status.ShouldBe(GateStatus.Pass);
        Rule(result, "paper_trades").Status.ShouldBe(GateStatus.Pass);
        Rule(result, "paper_matches_backtest").Status.ShouldBe(GateStatus.Pass, "0.05 points is within 5% of a 2.05% return");
        Rule(GateRules.Evaluate("v", Now, new GateThresholds(), e, paper with { Drift = new DriftSummary(50, 1, 0, 0, 2.0, 2.05) }), "paper_matches_backtest").Status.ShouldBe(GateStatus.Fail);
        Rule(GateRules.Evaluate("v", Now, new GateThresholds(), e, paper with { Drift = new DriftSummary(50, 0, 0, 0, 1.0, 2.05) }), "paper_matches_backtest").Status.ShouldBe(GateStatus.Fail);
        Rule(result, "position_caps_respected").Evidence.ShouldBe("o1: quantity 20 over the cap of 10");
        Rule(result, "last_reconciliation_clean").Status.ShouldBe(GateStatus.Fail);
        Rule(result, "no_open_critical_alerts").Status.ShouldBe(GateStatus.Fail);
        Rule(result, "every_trade_explained").Status.ShouldBe(GateStatus.Pass);
    }
}
