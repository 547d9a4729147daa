using Keel.Core.Capital;
using Keel.Core.Gates;

namespace Keel.Live.Config;

/// <summary>Reads the <c>capital</c> and <c>gates</c> sections; absent keys take the plan's defaults.</summary>
internal static class GatesConfigReader
{
    public static CapitalPlan ReadCapital(LiveConfigFile.CapitalSection? section, List<string> problems)
    {
        if (section is null) return CapitalPlan.Default;
        var action = (section.OnCriticalAlert ?? "demote").Trim().ToLowerInvariant() switch
        {
            "demote" => CriticalAlertAction.Demote,
            "halt" => CriticalAlertAction.Halt,
            "none" => CriticalAlertAction.None,
            var other => Problem(problems, $"capital.onCriticalAlert: '{other}' is not an action; write \"demote\", \"halt\" or \"none\"", CriticalAlertAction.Demote),
        };
        var stages = section.Stages is null ? CapitalPlan.Default.Stages
            : section.Stages.Select((s, i) =>
            {
                if (s.Percent is null) problems.Add($"capital.stages[{i}].percent: missing; write e.g. 5 for 5% of equity");
                return new CapitalStage(s.Percent ?? 100, s.Days);
            }).ToList();
        var plan = new CapitalPlan(stages, action);
        foreach (var problem in plan.Problems()) problems.Add("capital." + problem);
        return plan;
    }

    public static GateThresholds ReadGates(LiveConfigFile.GatesSection? s, List<string> problems)
    {
        var d = new GateThresholds();
        if (s is null) return d;
        var gates = new GateThresholds
        {
            MinSharpe = s.MinSharpe ?? d.MinSharpe,
            MaxDrawdownWarnPercent = s.MaxDrawdownWarnPercent ?? d.MaxDrawdownWarnPercent,
            MaxDrawdownFailPercent = s.MaxDrawdownFailPercent ?? d.MaxDrawdownFailPercent,
            MinWinRatePercent = s.MinWinRatePercent ?? d.MinWinRatePercent,
            MaxWinRatePercent = s.MaxWinRatePercent ?? d.MaxWinRatePercent,
            WinRateOverfitWarnPercent = s.WinRateOverfitWarnPercent ?? d.WinRateOverfitWarnPercent,
            MinDeflatedSharpe = s.MinDeflatedSharpe ?? d.MinDeflatedSharpe,
            MaxPbo = s.MaxPbo ?? d.MaxPbo,
            OutOfSampleFraction = s.OutOfSampleFraction ?? d.OutOfSampleFraction,
            MinPositiveMonthsPercent = s.MinPositiveMonthsPercent ?? d.MinPositiveMonthsPercent,
            WorstMonthFloorPercent = s.WorstMonthFloorPercent ?? d.WorstMonthFloorPercent,
            MaxSingleTradeLossPercent = s.MaxSingleTradeLossPercent ?? d.MaxSingleTradeLossPercent,
            MaxCorrelation = s.MaxCorrelation ?? d.MaxCorrelation,
            MinPaperDays = s.MinPaperDays ?? d.MinPaperDays,
            MinPaperTrades = s.MinPaperTrades ?? d.MinPaperTrades,
            MaxPaperDriftPercent = s.MaxPaperDriftPercent ?? d.MaxPaperDriftPercent,
            MaxGateAgeDays = s.MaxGateAgeDays ?? d.MaxGateAgeDays,
            BacktestDays = s.BacktestDays ?? d.BacktestDays,
        };
        foreach (var problem in gates.Problems()) problems.Add("gates." + problem);
        return gates;
    }

    private static T Problem<T>(List<string> problems, string problem, T fallback)
    {
        problems.Add(problem);
        return fallback;
    }
}
