using System.Text.Json;
using Keel.Core.Strategies;
using Keel.Strategies;

namespace Keel.Cli.Output;

/// <summary>
/// <c>strategy_sources</c> in a result's JSON: for each strategy, the code that made the result (kind, the
/// user's file or project, SHA-256), so a result can always be traced to the exact strategy source.
/// </summary>
internal static class StrategySourcesJson
{
    public static void Write(Utf8JsonWriter json, IEnumerable<IStrategySpec> specs)
    {
        json.WriteStartArray("strategy_sources");
        foreach (var code in specs.Select(StrategyCode.Of))
        {
            json.WriteStartObject();
            json.WriteString("strategy", code.Strategy);
            json.WriteString("kind", code.Kind);
            json.WriteString("path", code.Path);
            json.WriteString("sha256", code.Sha256);
            json.WriteEndObject();
        }
        json.WriteEndArray();
    }
}
