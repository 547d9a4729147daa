namespace Keel.Core.Gates;

/// <summary>
/// A gate run for one version of the configuration: every rule with its verdict, and the worst of them.
/// <see cref="Time"/> is when it was evaluated (the store keeps one row per run).
/// </summary>
public sealed record GateResult(string Version, DateTime Time, IReadOnlyList<GateRuleResult> Rules)
{
    public GateStatus Status => Rules.Count == 0 ? GateStatus.Fail : Rules.Max(r => r.Status);

    public IEnumerable<GateRuleResult> Failing => Rules.Where(r => r.Status == GateStatus.Fail);
}
