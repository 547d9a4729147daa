namespace Keel.Core.Capital;

/// <summary>What a critical alert (drawdown, degradation, drift) does to the capital stage.</summary>
public enum CriticalAlertAction
{
    Demote,
    Halt,
    None,
}

/// <summary>
/// The capital stages of live trading, in order (the plan's default: 5% of equity for the first month,
/// 25% in months 2–3, then 100%), and what a critical alert does. Stage numbers start at 1.
/// </summary>
public sealed record CapitalPlan(IReadOnlyList<CapitalStage> Stages, CriticalAlertAction OnCriticalAlert = CriticalAlertAction.Demote)
{
    public static CapitalPlan Default { get; } = new([new CapitalStage(5m, 30), new CapitalStage(25m, 60), new CapitalStage(100m, null)]);

    public CapitalLimit Limit(int stage) => new(stage, Stages[stage - 1].Percent);

    public bool IsLast(int stage) => stage >= Stages.Count;

    /// <summary>Every problem with the stages, in words a user can act on; empty when valid.</summary>
    public IReadOnlyList<string> Problems()
    {
        var problems = new List<string>();
        if (Stages.Count == 0) problems.Add("stages must list at least one stage");
        for (var i = 0; i < Stages.Count; i++)
        {
            var stage = Stages[i];
            if (stage.Percent is <= 0 or > 100) problems.Add($"stages[{i}].percent must be above 0 and at most 100, got {stage.Percent}");
            if (i > 0 && stage.Percent <= Stages[i - 1].Percent) problems.Add($"stages[{i}].percent ({stage.Percent}) must be above the previous stage's ({Stages[i - 1].Percent})");
            if (i < Stages.Count - 1 && stage.MinDays is not > 0) problems.Add($"stages[{i}].days must be a positive number of days before the next stage");
            if (stage.MinDays is < 0) problems.Add($"stages[{i}].days cannot be negative");
        }
        return problems;
    }
}
