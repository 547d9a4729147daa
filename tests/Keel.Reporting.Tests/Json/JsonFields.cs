using System.Text;
using System.Text.Json;
using System.Text.Json.Serialization.Metadata;
using Keel.Reporting.Json;

namespace Keel.Reporting.Tests.Json;

/// <summary>What the output-model tests compare: the JSON as the commands write it, and its field paths in order.</summary>
internal static class JsonFields
{
    /// <summary><paramref name="value"/> as a command writes it (indented).</summary>
    public static string Text<T>(T value, JsonTypeInfo<T> type)
    {
        using var buffer = new MemoryStream();
        JsonOutput.Write(buffer, value, type);
        return Encoding.UTF8.GetString(buffer.ToArray());
    }

    /// <summary>
    /// Every field path in the order first met (<c>benchmark.rule</c>, <c>steps[].oos_from</c>): the lists the tests hold
    /// were taken from the commands' output before the models existed, so a rename, a move or a dropped field fails.
    /// </summary>
    public static List<string> Of(string json)
    {
        using var document = JsonDocument.Parse(json);
        var paths = new List<string>();
        Walk(document.RootElement, "", paths);
        return paths;
    }

    private static void Walk(JsonElement element, string prefix, List<string> paths)
    {
        if (element.ValueKind == JsonValueKind.Object)
        {
            foreach (var property in element.EnumerateObject())
            {
                var path = prefix.Length == 0 ? property.Name : prefix + "." + property.Name;
                if (!paths.Contains(path)) paths.Add(path);
                Walk(property.Value, path, paths);
            }
        }
        else if (element.ValueKind == JsonValueKind.Array)
        {
            foreach (var item in element.EnumerateArray()) Walk(item, prefix + "[]", paths);
        }
    }

    public static JsonElement Parse(string json) => JsonDocument.Parse(json).RootElement.Clone();
}
