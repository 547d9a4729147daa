using Keel.Core.Persistence;

namespace Keel.Core.Capital;

/// <summary>
/// What a critical alert (drawdown, degradation, drift) raised since the stage began does to it, as the
/// plan configures: one stage down, a halt, or nothing. The alert that recorded a gates override is
/// not one of them: it was raised by a person who chose to start.
/// </summary>
public static class CriticalAlertResponse
{
    public const string OverrideKind = "gates-override";

    /// <summary>The first critical alert since <paramref name="stageSince"/>, or null.</summary>
    public static StoredAlert? Trigger(IEnumerable<StoredAlert> alerts, DateTime stageSince) =>
        alerts.FirstOrDefault(a => a.Time > stageSince && a.Kind != OverrideKind && string.Equals(a.Severity, "critical", StringComparison.OrdinalIgnoreCase));

    /// <summary>The stage after <paramref name="trigger"/>: one down (never below 1) on demote, unchanged otherwise.</summary>
    public static int StageAfter(CapitalPlan plan, int stage, StoredAlert trigger) =>
        plan.OnCriticalAlert == CriticalAlertAction.Demote ? Math.Max(1, stage - 1) : stage;
}
