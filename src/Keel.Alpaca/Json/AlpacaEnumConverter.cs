using System.Text;
using System.Text.Json;
using System.Text.Json.Serialization;

namespace Keel.Alpaca.Json;

/// <summary>
/// Enums as Alpaca's snake_case strings (<c>StopLimit</c> ↔ <c>stop_limit</c>). New values Alpaca adds
/// later read as the enum's default member (<c>Unknown</c>) instead of failing the whole response.
/// </summary>
public class AlpacaEnumConverter<TEnum> : JsonConverter<TEnum> where TEnum : struct, Enum
{
    private static readonly Dictionary<string, TEnum> ByName = Enum.GetValues<TEnum>()
        .ToDictionary(v => WireName(v.ToString()), v => v, StringComparer.OrdinalIgnoreCase);

    private static readonly Dictionary<TEnum, string> ToName = Enum.GetValues<TEnum>()
        .ToDictionary(v => v, v => WireName(v.ToString()));

    /// <summary>What an empty string means; the default member unless a subclass says otherwise.</summary>
    protected virtual TEnum EmptyValue => default;

    public override bool HandleNull => true;

    public override TEnum Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options)
    {
        if (reader.TokenType == JsonTokenType.Null) return default;
        if (reader.TokenType != JsonTokenType.String)
            throw new JsonException($"Expected a string for {typeof(TEnum).Name}, got {reader.TokenType}.");
        var text = reader.GetString();
        if (string.IsNullOrEmpty(text)) return EmptyValue;
        return ByName.GetValueOrDefault(text);
    }

    public override void Write(Utf8JsonWriter writer, TEnum value, JsonSerializerOptions options) =>
        writer.WriteStringValue(ToName.GetValueOrDefault(value, ""));

    public static string Name(TEnum value) => ToName.GetValueOrDefault(value, "");

    /// <summary>Parses a wire name; false for names this enum does not know, and for "unknown" itself.</summary>
    public static bool TryParse(string? text, out TEnum value)
    {
        value = default;
        return text is not null
            && ByName.TryGetValue(text, out value)
            && !string.Equals(value.ToString(), "Unknown", StringComparison.Ordinal);
    }

    internal static string WireName(string memberName)
    {
        var sb = new StringBuilder(memberName.Length + 4);
        for (var i = 0; i < memberName.Length; i++)
        {
            var c = memberName[i];
            if (char.IsUpper(c) && i > 0) sb.Append('_');
            sb.Append(char.ToLowerInvariant(c));
        }
        return sb.ToString();
    }
}
