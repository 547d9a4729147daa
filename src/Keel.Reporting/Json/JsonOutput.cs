using System.Text.Json;
using System.Text.Json.Serialization.Metadata;

namespace Keel.Reporting.Json;

/// <summary>
/// Writes an output model with its source-generated contract: indented for people and files (<c>--json</c>,
/// <c>drift.json</c>), compact where a machine stores or posts it. Streams straight to the target, no string in between.
/// </summary>
public static class JsonOutput
{
    /// <summary><paramref name="value"/> as indented JSON on <paramref name="stream"/> (no trailing newline).</summary>
    public static void Write<T>(Stream stream, T value, JsonTypeInfo<T> type, bool indented = true)
    {
        using var writer = new Utf8JsonWriter(stream, new JsonWriterOptions { Indented = indented });
        JsonSerializer.Serialize(writer, value, type);
    }

    /// <summary><paramref name="value"/> as one line of JSON text.</summary>
    public static string Compact<T>(T value, JsonTypeInfo<T> type) => JsonSerializer.Serialize(value, type);

    /// <summary>A file holding <paramref name="value"/> as indented JSON.</summary>
    public static void WriteFile<T>(string path, T value, JsonTypeInfo<T> type)
    {
        using var file = File.Create(path);
        Write(file, value, type);
    }
}
