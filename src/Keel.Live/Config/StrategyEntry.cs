using System.Text.Json;
using System.Text.Json.Serialization;

namespace Keel.Live.Config;

/// <summary>
/// One entry of the config's <c>strategies</c>: a strategy text (<c>"sma-crossover:fast=10,slow=30"</c>, or several
/// separated by <c>;</c>), or an object that gives one strategy a stable id of its own:
/// <c>{ "id": "core-trend", "strategy": "sma-crossover:fast=10,slow=30" }</c>. The id keys the strategy's positions
/// and orders, so its parameters or spelling can change without orphaning what it holds.
/// </summary>
[JsonConverter(typeof(StrategyEntryConverter))]
internal sealed record StrategyEntry(string? Id, string Strategy)
{
    public override string ToString() => Id is null ? Strategy : $"{Id} ({Strategy})";
}

/// <summary>Reads a string or an <c>{ id, strategy }</c> object; anything else is an error in the file's words.</summary>
internal sealed class StrategyEntryConverter : JsonConverter<StrategyEntry>
{
    public override StrategyEntry Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options)
    {
        if (reader.TokenType == JsonTokenType.String) return new StrategyEntry(null, reader.GetString()!);
        if (reader.TokenType != JsonTokenType.StartObject)
            throw new JsonException("a strategy is a text like \"rsi\" or an object { \"id\": ..., \"strategy\": ... }");
        string? id = null, strategy = null;
        while (reader.Read() && reader.TokenType != JsonTokenType.EndObject)
        {
            var key = reader.GetString();
            reader.Read();
            if (reader.TokenType != JsonTokenType.String) throw new JsonException($"'{key}' of a strategy must be a text");
            switch (key)
            {
                case "id": id = reader.GetString(); break;
                case "strategy": strategy = reader.GetString(); break;
                default: throw new JsonException($"'{key}' is not a known key of a strategy; expected 'id' and 'strategy'");
            }
        }
        if (string.IsNullOrWhiteSpace(strategy)) throw new JsonException("a strategy object needs 'strategy', e.g. { \"id\": \"core\", \"strategy\": \"rsi\" }");
        return new StrategyEntry(id, strategy);
    }

    public override void Write(Utf8JsonWriter writer, StrategyEntry value, JsonSerializerOptions options)
    {
        if (value.Id is null)
        {
            writer.WriteStringValue(value.Strategy);
            return;
        }
        writer.WriteStartObject();
        writer.WriteString("id", value.Id);
        writer.WriteString("strategy", value.Strategy);
        writer.WriteEndObject();
    }
}
