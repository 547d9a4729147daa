using System.Globalization;

namespace Keel.Core.Capital;

/// <summary>One criterion of a promotion and whether it is met, with its figures.</summary>
public sealed record PromotionCriterion(string Name, bool Met, string Evidence);

/// <summary>
/// Whether the stage in force may move up: enough days at it, profitable since it began, gates still
/// passing. Pure: the caller brings the figures (from the store and the broker).
/// </summary>
public static class PromotionCheck
{
    public static IReadOnlyList<PromotionCriterion> Evaluate(CapitalPlan plan, int stage, DateTime stageSince, DateTime now,
        decimal equityAtStageStart, decimal equityNow, bool gatesPassing, string gateEvidence)
    {
        var criteria = new List<PromotionCriterion>();
        if (plan.IsLast(stage))
        {
            criteria.Add(new("next stage", false, F($"stage {stage} ({plan.Stages[stage - 1].Percent}%) is the last")));
            return criteria;
        }
        var days = (now - stageSince).TotalDays;
        var need = plan.Stages[stage - 1].MinDays ?? 0;
        criteria.Add(new("days at stage", days >= need, F($"{days:0.0} days at stage {stage} since {stageSince:yyyy-MM-dd HH:mm}Z; {need} needed")));
        var gain = equityNow - equityAtStageStart;
        criteria.Add(new("profitable", gain > 0, F($"equity {equityNow:0.00} vs {equityAtStageStart:0.00} when the stage began ({gain:+0.00;-0.00;0.00})")));
        criteria.Add(new("gates passing", gatesPassing, gateEvidence));
        return criteria;
    }

    private static string F(FormattableString s) => s.ToString(CultureInfo.InvariantCulture);
}
