using Keel.Core.Gates;
using Keel.Reporting.Gates;

namespace Keel.Reporting.Json;

/// <summary><c>keel gate --json</c>: the overall <c>status</c> and a <c>rules</c> array of {rule, subject, status, evidence}; statuses are PASS, WARN, FAIL.</summary>
public sealed record GateResultJson(string Status, string Version, DateTime Time, IReadOnlyList<GateRuleJson> Rules)
{
    public static GateResultJson Of(GateResult result)
    {
        ArgumentNullException.ThrowIfNull(result);
        return new(GateStatusText.Name(result.Status), result.Version, result.Time,
            result.Rules.Select(r => new GateRuleJson(r.Rule, r.Subject, GateStatusText.Name(r.Status), r.Evidence)).ToList());
    }
}

/// <summary>One gate rule's verdict on one subject, with its evidence.</summary>
public sealed record GateRuleJson(string Rule, string Subject, string Status, string Evidence);
