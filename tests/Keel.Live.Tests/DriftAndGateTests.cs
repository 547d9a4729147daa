using Keel.Alpaca;
using Keel.Core.Backtest;
using Keel.Core.Drift;
using Keel.Core.Gates;
using Keel.Core.Persistence;
using Keel.Core.Strategies;
using Keel.Core.Trading;
using Keel.Live.Drift;
using Keel.Live.Gates;

namespace Keel.Live.Tests;

/// <summary>A paper day on the sim, then its drift replay and its gate, in process.</summary>
public sealed class DriftAndGateTests
{
    private static readonly DateTime MondayEvening = PaperData.Start.AddHours(22);

    [Fact]
    public async Task Drift_of_a_paper_run_matches_every_order_and_explains_the_prices_and_a_slippage_change_shows()
    {
        await using var paper = await PaperHarness.StartAsync(days: 1);
        await paper.RunUntilAsync(MondayEvening);
        using var client = SimClient(paper);
        var data = new AlpacaMarketData(client);

        var report = await DriftReplay.RunAsync(paper.Settings, data, paper.Store);
        var s = report.Summary;
        s.Matched.ShouldBeGreaterThan(10, "the strategies trade on this day");
        s.Matched.ShouldBe(paper.Store.Fills().Select(f => f.Fill.ClientOrderId).Distinct().Count(), "every paper order is matched");
        s.Missed.ShouldBe(0);
        s.Extra.ShouldBe(0);
        s.Mispriced.ShouldBe(0, "the sim's quote is within a few basis points of the bar's close");
        // The explanation says where each side fills and by how much they differ on average.
        report.Explanation.ShouldContain("at the broker's quote");
        report.Explanation.ShouldContain("bar's close");
        report.MeanBuyDifferenceBps.ShouldBeInRange(-10, 10);
        foreach (var t in report.Trades)
            t.PnlDifference.ShouldBe(t.Paper!.CashFlow - t.Replay!.CashFlow);
        Math.Abs(s.ReturnDifferencePct).ShouldBeLessThan(0.1, "same trades, prices a few bps apart");
        report.PaperCurve.Count.ShouldBeGreaterThan(10);

        // 0.5% slippage in the replay: every buy of the replay costs 0.5% more, so paper looks ~50 bps cheaper.
        var slipped = await DriftReplay.RunAsync(paper.Settings, data, paper.Store, slippage: "percent:0.5");
        slipped.Summary.Matched.ShouldBe(s.Matched);
        slipped.Summary.Missed.ShouldBe(0);
        slipped.Summary.Extra.ShouldBe(0);
        (slipped.MeanBuyDifferenceBps - report.MeanBuyDifferenceBps).ShouldBeInRange(-51, -48);
        (slipped.MeanSellDifferenceBps - report.MeanSellDifferenceBps).ShouldBeInRange(48, 51);
        slipped.Summary.Mispriced.ShouldBe(s.Matched, "50 bps is past the 0.1% tolerance");
        slipped.CostModel.ShouldContain("0.5");
    }

    [Fact]
    public async Task A_drift_from_the_middle_of_the_day_starts_from_the_positions_paper_held_then()
    {
        await using var paper = await PaperHarness.StartAsync(days: 1);
        await paper.RunUntilAsync(MondayEvening);
        using var client = SimClient(paper);
        var fills = paper.Store.Fills().Select(f => (paper.Store.FindOrder(f.Fill.ClientOrderId)!.Order, f.Fill)).ToList();
        // The first bar time of the session with a stock position open and a sell of it still to come.
        var from = Enumerable.Range(0, 28).Select(i => new DateTime(2024, 12, 16, 14, 30, 0, DateTimeKind.Utc).AddMinutes(15 * i))
            .First(t => StartingPosition.Before(fills, t).Any(p => p.Symbol.AssetClass == Core.Domain.AssetClass.UsEquity
                && fills.Any(f => f.Order.CreatedAt >= t && f.Fill.Strategy == p.Strategy && f.Fill.Symbol == p.Symbol && f.Fill.Side == OrderSide.Sell)));
        var held = StartingPosition.Before(fills, from);

        var report = await DriftReplay.RunAsync(paper.Settings, new AlpacaMarketData(client), paper.Store, from: from);
        report.Summary.Missed.ShouldBe(0);
        report.Summary.Extra.ShouldBe(0, "the sells of the positions held at the start are the replay's too");
        foreach (var p in held)
        {
            var sells = report.Trades.Where(t => t.Strategy == p.Strategy && t.Symbol == p.Symbol && t.Side == OrderSide.Sell).ToList();
            if (sells.Count > 0) sells[0].Match.ShouldBe(DriftMatch.Matched);
        }
        report.Trades.ShouldContain(t => t.Side == OrderSide.Sell && held.Any(p => p.Strategy == t.Strategy && p.Symbol == t.Symbol));
        Math.Abs(report.Summary.ReturnDifferencePct).ShouldBeLessThan(0.1, "the replay starts from paper's equity and positions at that time");
    }

    [Fact]
    public async Task The_gate_lists_every_rule_with_evidence_stores_it_per_version_and_fails_a_short_paper_record()
    {
        await using var paper = await PaperHarness.StartAsync(days: 1);
        await paper.RunUntilAsync(MondayEvening);
        using var client = SimClient(paper);

        var result = await GateRunner.RunAsync(paper.Settings, new AlpacaMarketData(client), paper.Store, paper.Now);
        var names = result.Rules.Select(r => r.Rule).Distinct().ToList();
        names.ShouldBe([
            "post_cost_sharpe", "walk_forward_out_of_sample", "max_drawdown", "win_rate", "deflated_sharpe", "monthly_consistency", "worst_trade",
            "ensemble_beats_best_member", "strategy_correlation", "pbo",
            "paper_days", "paper_trades", "paper_matches_backtest", "every_trade_explained", "daily_loss_limit_respected",
            "position_caps_respected", "stops_respected", "last_reconciliation_clean", "no_open_critical_alerts"]);
        result.Rules.Count(r => r.Rule == "post_cost_sharpe").ShouldBe(2, "one per configured strategy");
        result.Rules.ShouldAllBe(r => r.Evidence.Length > 10);
        var days = result.Rules.Single(r => r.Rule == "paper_days");
        days.Status.ShouldBe(GateStatus.Fail);
        days.Evidence.ShouldContain("0.9 days");
        result.Rules.Single(r => r.Rule == "every_trade_explained").Status.ShouldBe(GateStatus.Pass);
        result.Rules.Single(r => r.Rule == "paper_matches_backtest").Evidence.ShouldContain("0 missed, 0 extra");
        var stops = result.Rules.Single(r => r.Rule == "stops_respected");
        stops.Status.ShouldBe(GateStatus.Pass, stops.Evidence);
        stops.Evidence.ShouldContain("checked against the period's bars"); // each level on the bars, not the loss proxy
        result.Status.ShouldBe(GateStatus.Fail);

        var gates = (IGateStore)paper.Store;
        var version = LiveVersion.Of(paper.Settings);
        gates.LatestGateResult(version)!.Rules.ShouldBe(result.Rules);
        var refusal = LiveGateCheck.Refusal(paper.Settings, gates, paper.Now);
        refusal.ShouldNotBeNull();
        refusal.ShouldContain("paper_days");

        // A passing result newer than maxGateAgeDays lets live start; an old one does not.
        gates.RecordGateResult(new GateResult(version, paper.Now, [new GateRuleResult("paper_days", "paper", GateStatus.Pass, "enough")]));
        LiveGateCheck.Refusal(paper.Settings, gates, paper.Now).ShouldBeNull();
        LiveGateCheck.Refusal(paper.Settings, gates, paper.Now.AddDays(8))!.ShouldContain("days old");
        // Another version (different risk) has no gate at all.
        LiveGateCheck.Refusal(paper.Settings with { Risk = paper.Settings.Risk with { MaxOpenPositions = 2 } }, gates, paper.Now)!.ShouldContain("no gate result");

        LiveGateCheck.RecordOverride(paper.Settings, paper.Store, gates, paper.Now, "ops", "known issue, re-gated tonight", "paper_days failed");
        gates.GateOverrides().Single().Reason.ShouldBe("known issue, re-gated tonight");
        paper.Store.Alerts().ShouldContain(a => a.Kind == "gates-override" && a.Severity == "critical" && a.Message.Contains("ops"));
    }

    [Fact]
    public async Task Live_starts_at_the_first_capital_stage_and_resizes_entries_to_it()
    {
        await using var live = await PaperHarness.StartAsync(days: 1, configure: s => s with { Mode = Config.TradingMode.Live });
        live.Session.CapitalStage.ShouldBe(new Core.Capital.CapitalLimit(1, 5m));
        var change = ((IGateStore)live.Store).CapitalChanges().ShouldHaveSingleItem();
        (change.Stage, change.Percent, change.Kind).ShouldBe((1, 5m, "start"));

        await live.RunUntilAsync(MondayEvening);
        // 5% of 100,000: at most ~5,000 at risk in total; entries that would pass it are cut, with the stage as reason.
        var decisions = live.Store.Decisions().Where(d => d.Signal.Action == SignalAction.Buy).ToList();
        decisions.ShouldContain(d => d.Outcome.Contains("cut to") && d.Outcome.Contains("by capital stage 1 (5% of equity)"));
        MaxExposure(live).ShouldBeLessThanOrEqualTo(5_000m * 1.01m);

        ((IGateStore)live.Store).SessionStarts().ShouldAllBe(s => s.Mode == "live");

        // keel capital promote moved it to stage 2; a critical alert afterwards demotes it one stage at the next cycle, once.
        var gates = (IGateStore)live.Store;
        gates.RecordCapitalChange(new CapitalChange(TimeProvider.System.GetUtcNow().UtcDateTime.AddSeconds(-2), 2, 25m, "promote", "ops", "criteria met"));
        await live.StepToAsync(live.Now.AddMinutes(15));
        live.Session.CapitalStage.ShouldBe(new Core.Capital.CapitalLimit(2, 25m), "a promotion is taken at the next cycle");
        live.Store.RecordAlert(new StoredAlert(TimeProvider.System.GetUtcNow().UtcDateTime.AddSeconds(-1), "drawdown", "critical", "equity 12% under its peak"));
        await live.StepToAsync(live.Now.AddMinutes(15));
        await live.StepToAsync(live.Now.AddMinutes(15));
        live.Session.CapitalStage.ShouldBe(new Core.Capital.CapitalLimit(1, 5m));
        var demotion = gates.CapitalChanges().Where(c => c.Kind == "demote").ShouldHaveSingleItem();
        demotion.Reason.ShouldContain("critical alert drawdown");
    }

    [Fact]
    public async Task A_small_stage_refuses_entries_once_its_cap_is_used_and_says_so()
    {
        var plan = new Core.Capital.CapitalPlan([new(1m, 30), new(100m, null)]);
        await using var live = await PaperHarness.StartAsync(days: 1, configure: s => s with { Mode = Config.TradingMode.Live, Capital = plan });
        await live.RunUntilAsync(MondayEvening);

        var decisions = live.Store.Decisions().Where(d => d.Signal.Action == SignalAction.Buy).ToList();
        // A stock entry the room left cannot buy one share of is refused, and the refusal names the stage.
        decisions.ShouldContain(d => d.Outcome.StartsWith("refused by risk:", StringComparison.Ordinal) && d.Outcome.Contains("by capital stage 1 (1% of equity)"));
        MaxExposure(live).ShouldBeLessThanOrEqualTo(1_000m * 1.01m);
    }

    /// <summary>The most held at once (entry notional of the open positions), replaying the fills in order.</summary>
    private static decimal MaxExposure(PaperHarness session)
    {
        var open = new Dictionary<(string, string), (decimal Quantity, decimal Cost)>();
        var max = 0m;
        foreach (var f in session.Store.Fills().Select(x => x.Fill).OrderBy(f => f.Time))
        {
            var key = (f.Strategy, f.Symbol.Ticker);
            var (q, c) = open.GetValueOrDefault(key);
            open[key] = f.Side == OrderSide.Buy ? (q + f.Quantity, c + f.Quantity * f.Price) : (0, 0);
            max = Math.Max(max, open.Values.Sum(v => v.Cost));
        }
        max.ShouldBeGreaterThan(0, "something was bought");
        return max;
    }

    private static AlpacaClient SimClient(PaperHarness paper) =>
        new(new AlpacaOptions { KeyId = "PKTEST", SecretKey = "test-secret", TradingBaseUrl = paper.Sim.BaseUrl, DataBaseUrl = paper.Sim.BaseUrl });
}
