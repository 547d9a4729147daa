using System.Text.Json;

namespace Keel.Cli.Output;

/// <summary>Writes a double as a JSON number, or null when it is NaN or infinite (JSON has no such numbers).</summary>
internal static class JsonNumbers
{
    public static void Write(Utf8JsonWriter json, string name, double value)
    {
        if (double.IsFinite(value)) json.WriteNumber(name, value);
        else json.WriteNull(name);
    }
}
