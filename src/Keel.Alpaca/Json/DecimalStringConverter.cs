using System.Globalization;
using System.Text.Json;
using System.Text.Json.Serialization;

namespace Keel.Alpaca.Json;

/// <summary>
/// Alpaca sends money and quantities as JSON strings ("1.5"); some clients send numbers. Reads either
/// exactly into a decimal (no double on the way) and writes a string, as Alpaca does. Null or "" reads
/// as 0 for a non-nullable field.
/// </summary>
public sealed class DecimalStringConverter : JsonConverter<decimal>
{
    public override bool HandleNull => true;

    public override decimal Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options) =>
        DecimalJson.Read(ref reader) ?? 0m;

    public override void Write(Utf8JsonWriter writer, decimal value, JsonSerializerOptions options) =>
        writer.WriteStringValue(DecimalJson.Format(value));
}

/// <summary>The nullable form of <see cref="DecimalStringConverter"/>: null and "" read as null; null is written as null.</summary>
public sealed class NullableDecimalStringConverter : JsonConverter<decimal?>
{
    public override bool HandleNull => true;

    public override decimal? Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options) =>
        DecimalJson.Read(ref reader);

    public override void Write(Utf8JsonWriter writer, decimal? value, JsonSerializerOptions options)
    {
        if (value is { } v) writer.WriteStringValue(DecimalJson.Format(v));
        else writer.WriteNullValue();
    }
}

/// <summary>For market-data prices, which Alpaca sends as JSON numbers: reads a number or a string, writes a number.</summary>
public sealed class DecimalNumberConverter : JsonConverter<decimal>
{
    public override bool HandleNull => true;

    public override decimal Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options) =>
        DecimalJson.Read(ref reader) ?? 0m;

    public override void Write(Utf8JsonWriter writer, decimal value, JsonSerializerOptions options) =>
        writer.WriteNumberValue(value);
}

internal static class DecimalJson
{
    public static decimal? Read(ref Utf8JsonReader reader)
    {
        switch (reader.TokenType)
        {
            case JsonTokenType.Null:
                return null;
            case JsonTokenType.Number:
                if (reader.TryGetDecimal(out var number)) return number;
                // Exponent forms like 1e-9 are not accepted by TryGetDecimal; parse the raw text.
                return ParseText(System.Text.Encoding.UTF8.GetString(reader.ValueSpan));
            case JsonTokenType.String:
                var text = reader.GetString();
                return string.IsNullOrWhiteSpace(text) ? null : ParseText(text);
            default:
                throw new JsonException($"Expected a decimal as a string or number, got {reader.TokenType}.");
        }
    }

    public static string Format(decimal value) => value.ToString(CultureInfo.InvariantCulture);

    private static decimal ParseText(string text) =>
        decimal.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out var value)
            ? value
            : throw new JsonException($"'{text}' is not a decimal number.");
}
