using System.Text.Json;

namespace Keel.Cli.Output;

/// <summary>
/// The <c>--json</c> output of every command: one indented JSON object on stdout, then a newline.
/// Non-finite numbers (a profit factor with no losing trade) are written as null so every parser accepts them.
/// </summary>
internal static class JsonStdout
{
    public static void WriteObject(Action<Utf8JsonWriter> writeFields)
    {
        using var stdout = Console.OpenStandardOutput();
        using (var json = new Utf8JsonWriter(stdout, new JsonWriterOptions { Indented = true }))
        {
            json.WriteStartObject();
            writeFields(json);
            json.WriteEndObject();
        }
        stdout.WriteByte((byte)'\n');
    }

    /// <summary>A number, or null when it is NaN or infinite (JSON has no such numbers).</summary>
    public static void Number(Utf8JsonWriter json, string name, double value)
    {
        if (double.IsFinite(value)) json.WriteNumber(name, value);
        else json.WriteNull(name);
    }
}
