using System.Text.Json.Serialization;

namespace Keel.Reporting.Charts;

/// <summary>Chart options as ECharts reads them: camelCase names, nulls left out, written by source-generated code.</summary>
[JsonSourceGenerationOptions(PropertyNamingPolicy = JsonKnownNamingPolicy.CamelCase, DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull)]
[JsonSerializable(typeof(ChartOption))]
internal sealed partial class ChartJson : JsonSerializerContext;
