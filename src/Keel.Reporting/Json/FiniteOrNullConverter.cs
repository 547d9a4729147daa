using System.Text.Json;
using System.Text.Json.Serialization;

namespace Keel.Reporting.Json;

/// <summary>
/// A double as a JSON number, or null when it is NaN or infinite (a profit factor with no losing trade, a Sharpe of
/// an empty run): JSON has no such numbers, and null is what every parser accepts. Read back, null is NaN.
/// </summary>
public sealed class FiniteOrNullConverter : JsonConverter<double>
{
    public override bool HandleNull => true;

    public override double Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options) =>
        reader.TokenType == JsonTokenType.Null ? double.NaN : reader.GetDouble();

    public override void Write(Utf8JsonWriter writer, double value, JsonSerializerOptions options)
    {
        if (double.IsFinite(value)) writer.WriteNumberValue(value);
        else writer.WriteNullValue();
    }
}
