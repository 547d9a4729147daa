using System.Text.Json;
using System.Text.Json.Serialization;
using Keel.Core.Gates;

namespace Keel.Storage.Sql;

/// <summary>
/// A gate result's rules as the <c>gate_results.rules</c> column holds them: a JSON array of {rule, subject, status,
/// evidence}, the status as the enum's name (Pass, Warn, Fail). Rows written by earlier versions read the same.
/// </summary>
internal static class StoredGateRules
{
    public static string Write(IEnumerable<GateRuleResult> rules) =>
        JsonSerializer.Serialize(rules.Select(r => new StoredGateRule(r.Rule, r.Subject, r.Status.ToString(), r.Evidence)).ToList(), StoredGateJson.Default.ListStoredGateRule);

    public static List<GateRuleResult> Read(string json) =>
        (JsonSerializer.Deserialize(json, StoredGateJson.Default.ListStoredGateRule) ?? [])
            .Select(r => new GateRuleResult(r.Rule, r.Subject, StoredText.Enum<GateStatus>(r.Status), r.Evidence)).ToList();
}

/// <summary>One stored rule verdict.</summary>
internal sealed record StoredGateRule(string Rule, string Subject, string Status, string Evidence);

/// <summary>Source-generated JSON for <see cref="StoredGateRules"/>.</summary>
[JsonSourceGenerationOptions(PropertyNamingPolicy = JsonKnownNamingPolicy.SnakeCaseLower, RespectRequiredConstructorParameters = true)]
[JsonSerializable(typeof(List<StoredGateRule>))]
internal sealed partial class StoredGateJson : JsonSerializerContext;
