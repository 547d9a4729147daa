using System.Text.Json;
using System.Text.Json.Serialization;
using Keel.Core.Drift;

namespace Keel.Reporting.Json;

/// <summary>
/// <c>keel drift --latest --json</c>: the night, when it ran and whether it was within tolerance, then the stored report's
/// fields as they were stored (<c>keel drift --json</c>'s object); only <c>"night": null</c> before the first night.
/// </summary>
public sealed record DriftRunJson
{
    public required string? Night { get; init; }
    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] public DateTime? RanAt { get; init; }
    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] public bool? WithinTolerance { get; init; }
    /// <summary>The stored report's fields, copied unchanged after the ones above.</summary>
    [JsonExtensionData] public Dictionary<string, JsonElement>? Report { get; set; }

    public static DriftRunJson Of(DriftRun? run)
    {
        if (run is null) return new DriftRunJson { Night = null };
        using var stored = JsonDocument.Parse(run.Json);
        var report = new Dictionary<string, JsonElement>(StringComparer.Ordinal);
        foreach (var property in stored.RootElement.EnumerateObject()) report[property.Name] = property.Value.Clone();
        return new DriftRunJson { Night = run.Day, RanAt = run.Time, WithinTolerance = run.WithinTolerance, Report = report };
    }
}
