using System.Text.Json;
using System.Text.Json.Serialization;

namespace Keel.Reporting.Charts;

/// <summary>
/// One data item of a series: its values (x and y, or one bar value, or heatmap x, y and value) and, for markers
/// and labelled points, the name a tooltip or label shows, its own colour, where its label goes and an outline (the best cell of a heatmap). Written the way ECharts reads it
/// and as small as it can be: a bare number or array when it has no name, else an object. A value that is not
/// finite is written as null, which ECharts leaves out of the drawing.
/// </summary>
[JsonConverter(typeof(ChartPointConverter))]
public sealed record ChartPoint(double[] Values, string? Name = null, string? Colour = null, string? LabelPosition = null, string? Border = null)
{
    public static ChartPoint At(double x, double y) => new([x, y]);

    public static ChartPoint Of(double value) => new([value]);
}

internal sealed class ChartPointConverter : JsonConverter<ChartPoint>
{
    public override ChartPoint Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options) =>
        throw new NotSupportedException("Chart points are only written.");

    public override void Write(Utf8JsonWriter writer, ChartPoint point, JsonSerializerOptions options)
    {
        if (point.Name is null && point.Colour is null && point.LabelPosition is null && point.Border is null)
        {
            WriteValues(writer, point.Values);
            return;
        }
        writer.WriteStartObject();
        if (point.Name is not null) writer.WriteString("name", point.Name);
        writer.WritePropertyName("value");
        WriteValues(writer, point.Values);
        if (point.Colour is not null || point.Border is not null)
        {
            writer.WriteStartObject("itemStyle");
            if (point.Colour is not null) writer.WriteString("color", point.Colour);
            if (point.Border is not null)
            {
                writer.WriteString("borderColor", point.Border);
                writer.WriteNumber("borderWidth", 3);
            }
            writer.WriteEndObject();
        }
        if (point.LabelPosition is not null)
        {
            writer.WriteStartObject("label");
            writer.WriteString("position", point.LabelPosition);
            writer.WriteEndObject();
        }
        writer.WriteEndObject();
    }

    private static void WriteValues(Utf8JsonWriter writer, double[] values)
    {
        if (values.Length == 1)
        {
            WriteNumber(writer, values[0]);
            return;
        }
        writer.WriteStartArray();
        foreach (var value in values) WriteNumber(writer, value);
        writer.WriteEndArray();
    }

    private static void WriteNumber(Utf8JsonWriter writer, double value)
    {
        if (double.IsFinite(value)) writer.WriteNumberValue(value);
        else writer.WriteNullValue();
    }
}
