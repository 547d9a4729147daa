using Keel.Core.Gates;
using Keel.Core.Persistence;
using Keel.Storage.Sql;

namespace Keel.Storage;

/// <summary>The path to real money: gate results per version, overrides, capital stage changes, session versions.</summary>
public abstract partial class DbTradingStore : IGateStore
{
    public void RecordGateResult(GateResult result)
    {
        ArgumentNullException.ThrowIfNull(result);
        Write((c, t) => c.Command(t, "INSERT INTO gate_results (time, version, status, rules) VALUES (@time, @version, @status, @rules)")
            .With("@time", result.Time)
            .With("@version", result.Version)
            .WithEnum("@status", result.Status)
            .With("@rules", StoredGateRules.Write(result.Rules))
            .Run());
    }

    public GateResult? LatestGateResult(string version) => Read(c => c.Command(null,
            "SELECT * FROM gate_results WHERE version = @version ORDER BY time DESC, id DESC LIMIT 1")
        .With("@version", version)
        .FirstOrNull(r => new GateResult(r.Text("version"), r.Time("time"), StoredGateRules.Read(r.Text("rules")))));

    public void RecordGateOverride(GateOverride entry)
    {
        ArgumentNullException.ThrowIfNull(entry);
        Write((c, t) => c.Command(t, "INSERT INTO gate_overrides (time, version, actor, reason, failing_rules) VALUES (@time, @version, @actor, @reason, @failing)")
            .With("@time", entry.Time)
            .With("@version", entry.Version)
            .With("@actor", entry.Actor)
            .With("@reason", entry.Reason)
            .With("@failing", entry.FailingRules)
            .Run());
    }

    public IReadOnlyList<GateOverride> GateOverrides() => Read(c => c.Command(null, "SELECT * FROM gate_overrides ORDER BY id")
        .Rows(r => new GateOverride(r.Time("time"), r.Text("version"), r.Text("actor"), r.Text("reason"), r.Text("failing_rules"))));

    public void RecordCapitalChange(CapitalChange change)
    {
        ArgumentNullException.ThrowIfNull(change);
        Write((c, t) => c.Command(t, "INSERT INTO capital_changes (time, stage, percent, kind, actor, reason) VALUES (@time, @stage, @percent, @kind, @actor, @reason)")
            .With("@time", change.Time)
            .With("@stage", change.Stage)
            .With("@percent", change.Percent)
            .With("@kind", change.Kind)
            .With("@actor", change.Actor)
            .With("@reason", change.Reason)
            .Run());
    }

    public IReadOnlyList<CapitalChange> CapitalChanges() => Read(c => c.Command(null, "SELECT * FROM capital_changes ORDER BY id")
        .Rows(r => new CapitalChange(r.Time("time"), checked((int)r.Long("stage")), r.Decimal("percent"), r.Text("kind"), r.Text("actor"), r.Text("reason"))));

    public void RecordSessionStart(SessionStart start)
    {
        ArgumentNullException.ThrowIfNull(start);
        Write((c, t) => c.Command(t, "INSERT INTO session_starts (time, version, mode) VALUES (@time, @version, @mode)")
            .With("@time", start.Time)
            .With("@version", start.Version)
            .With("@mode", start.Mode)
            .Run());
    }

    public IReadOnlyList<SessionStart> SessionStarts() => Read(c => c.Command(null, "SELECT * FROM session_starts ORDER BY id")
        .Rows(r => new SessionStart(r.Time("time"), r.Text("version"), r.Text("mode"))));
}
