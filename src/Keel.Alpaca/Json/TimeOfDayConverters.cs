using System.Globalization;
using System.Text.Json;
using System.Text.Json.Serialization;

namespace Keel.Alpaca.Json;

/// <summary>
/// Calendar times: Alpaca writes <c>open</c>/<c>close</c> as "09:30" and <c>session_open</c>/<c>session_close</c>
/// as "0400". Both converters read either form; each writes its own.
/// </summary>
public sealed class ColonTimeConverter : JsonConverter<TimeOnly>
{
    public override TimeOnly Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options) =>
        TimeOfDayText.Parse(reader.GetString());

    public override void Write(Utf8JsonWriter writer, TimeOnly value, JsonSerializerOptions options) =>
        writer.WriteStringValue(value.ToString("HH:mm", CultureInfo.InvariantCulture));
}

/// <inheritdoc cref="ColonTimeConverter"/>
public sealed class CompactTimeConverter : JsonConverter<TimeOnly>
{
    public override TimeOnly Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options) =>
        TimeOfDayText.Parse(reader.GetString());

    public override void Write(Utf8JsonWriter writer, TimeOnly value, JsonSerializerOptions options) =>
        writer.WriteStringValue(value.ToString("HHmm", CultureInfo.InvariantCulture));
}

internal static class TimeOfDayText
{
    private static readonly string[] Formats = ["HH:mm", "HHmm", "HH:mm:ss"];

    public static TimeOnly Parse(string? text) =>
        TimeOnly.TryParseExact(text, Formats, CultureInfo.InvariantCulture, DateTimeStyles.None, out var time)
            ? time
            : throw new JsonException($"'{text}' is not a time of day (HH:mm or HHmm).");
}
