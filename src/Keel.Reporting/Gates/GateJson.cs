using System.Text.Json;
using Keel.Core.Gates;

namespace Keel.Reporting.Gates;

/// <summary><c>keel gate --json</c>: the overall <c>status</c> and a <c>rules</c> array of {rule, subject, status, evidence}; statuses are PASS, WARN, FAIL.</summary>
public static class GateJson
{
    public static void Write(Utf8JsonWriter w, GateResult result)
    {
        w.WriteString("status", Status(result.Status));
        w.WriteString("version", result.Version);
        w.WriteString("time", result.Time);
        w.WriteStartArray("rules");
        foreach (var rule in result.Rules)
        {
            w.WriteStartObject();
            w.WriteString("rule", rule.Rule);
            w.WriteString("subject", rule.Subject);
            w.WriteString("status", Status(rule.Status));
            w.WriteString("evidence", rule.Evidence);
            w.WriteEndObject();
        }
        w.WriteEndArray();
    }

    public static string Status(GateStatus status) => status.ToString().ToUpperInvariant();
}
