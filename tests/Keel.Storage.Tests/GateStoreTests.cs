using Keel.Core.Gates;
using Keel.Core.Persistence;

namespace Keel.Storage.Tests;

/// <summary>Gate results per version, overrides, capital changes and session starts survive a reopen of a real SQLite file.</summary>
public sealed class GateStoreTests : IDisposable
{
    private readonly string _folder = Directory.CreateTempSubdirectory("keel-gatestore-").FullName;
    private static readonly DateTime T0 = new(2026, 1, 5, 14, 30, 0, DateTimeKind.Utc);

    [Fact]
    public void Only_critical_alerts_of_the_period_still_open_count_against_the_gate()
    {
        using var store = TradingStores.Open(Path.Combine(_folder, "alerts.db"), null);
        NewAlert Critical(string condition, DateTime time) => new(time, "drawdown", AlertSeverity.Critical, "down 12%", Condition: condition);
        store.RaiseAlert(Critical("before", T0.AddDays(-1)), []);                        // before the period
        var acked = store.RaiseAlert(Critical("acked", T0.AddHours(1)), [])!.Value;
        store.RaiseAlert(Critical("resolved", T0.AddHours(2)), []);
        store.RaiseAlert(new NewAlert(T0.AddHours(3), "drawdown", AlertSeverity.Warning, "down 6%", Condition: "warn"), []);
        store.RaiseAlert(Critical("open", T0.AddHours(4)), []);
        store.AckAlert(acked, T0.AddHours(5));
        store.ResolveAlert(new NewAlert(T0.AddHours(6), "drawdown", AlertSeverity.Info, "recovered", Condition: "resolved"), []);

        PaperRecordReader.OpenCriticalAlerts(store, T0).ShouldBe(1); // "open" only: acknowledged, resolved, warning and earlier ones do not count
    }

    [Fact]
    public void Everything_recorded_reads_back_after_a_reopen()
    {
        var path = Path.Combine(_folder, "k.db");
        var rules = new List<GateRuleResult> { new("post_cost_sharpe", "rsi:period=14", GateStatus.Pass, "Sharpe 0.80 > 0.5"), new("paper_days", "paper", GateStatus.Fail, "3.0 days; needs 30") };
        using (var store = TradingStores.Open(path, null))
        {
            var gates = (IGateStore)store;
            gates.RecordGateResult(new GateResult("v1", T0, rules));
            gates.RecordGateResult(new GateResult("v1", T0.AddDays(1), [rules[0]]));
            gates.RecordGateResult(new GateResult("v2", T0.AddDays(2), rules));
            gates.RecordGateOverride(new GateOverride(T0, "v1", "ops", "why not", "paper_days"));
            gates.RecordCapitalChange(new CapitalChange(T0, 1, 5m, "start", "service", "first live start"));
            gates.RecordCapitalChange(new CapitalChange(T0.AddDays(31), 2, 25.5m, "promote", "ops", "criteria met"));
            gates.RecordSessionStart(new SessionStart(T0, "v1", "paper"));
        }
        using (var store = TradingStores.Open(path, null))
        {
            var gates = (IGateStore)store;
            var latest = gates.LatestGateResult("v1")!;
            latest.Time.ShouldBe(T0.AddDays(1));
            latest.Rules.ShouldBe([rules[0]]);
            latest.Status.ShouldBe(GateStatus.Pass);
            gates.LatestGateResult("v2")!.Rules.ShouldBe(rules);
            gates.LatestGateResult("v2")!.Status.ShouldBe(GateStatus.Fail);
            gates.LatestGateResult("v3").ShouldBeNull();
            gates.GateOverrides().ShouldBe([new GateOverride(T0, "v1", "ops", "why not", "paper_days")]);
            gates.CapitalChanges().Select(c => (c.Stage, c.Percent, c.Kind)).ShouldBe([(1, 5m, "start"), (2, 25.5m, "promote")]);
            gates.SessionStarts().ShouldBe([new SessionStart(T0, "v1", "paper")]);
        }
    }

    public void Dispose() => Directory.Delete(_folder, recursive: true);
}
