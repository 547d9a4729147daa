using System.Text.Json.Serialization;

namespace Keel.Reporting.Json;

/// <summary>
/// Source-generated JSON for every command's output model: snake_case names from the records' properties, decimals as
/// their exact digits, non-finite doubles as null (<see cref="FiniteOrNullConverter"/>), and null properties written
/// as null unless a property says it is left out. Write with <see cref="JsonOutput"/>.
/// </summary>
[JsonSourceGenerationOptions(PropertyNamingPolicy = JsonKnownNamingPolicy.SnakeCaseLower, Converters = [typeof(FiniteOrNullConverter)])]
[JsonSerializable(typeof(BacktestJson))]
[JsonSerializable(typeof(SweepJson))]
[JsonSerializable(typeof(WalkForwardJson))]
[JsonSerializable(typeof(EnsembleComparisonJson))]
[JsonSerializable(typeof(StatusJson))]
[JsonSerializable(typeof(AlertsJson))]
[JsonSerializable(typeof(DriftReportJson))]
[JsonSerializable(typeof(DriftRunJson))]
[JsonSerializable(typeof(GateResultJson))]
public sealed partial class ReportJson : JsonSerializerContext;
