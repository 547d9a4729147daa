using System.Text.Json.Serialization;
using Keel.Core.Drift;
using Keel.Core.Gates;
using Keel.Core.Persistence;
using Keel.Reporting.Gates;

namespace Keel.Reporting.Json;

/// <summary><c>capital</c> in <c>keel status --json</c>: the stage in force (null before live trading started one) and how it got there.</summary>
public sealed record CapitalJson(int? Stage, decimal? Percent, IReadOnlyList<CapitalChangeJson> Changes)
{
    public static CapitalJson Of(IReadOnlyList<CapitalChange> changes)
    {
        ArgumentNullException.ThrowIfNull(changes);
        return new(changes.Count == 0 ? null : changes[^1].Stage, changes.Count == 0 ? null : changes[^1].Percent,
            changes.Select(c => new CapitalChangeJson(c.Time, c.Stage, c.Percent, c.Kind, c.Actor, c.Reason)).ToList());
    }
}

/// <summary>One capital stage change: when, to which stage and percent, of what kind, by whom and why.</summary>
public sealed record CapitalChangeJson(DateTime Time, int Stage, decimal Percent, string Kind, string Actor, string Reason);

/// <summary><c>gate</c> in <c>keel status --json</c>: the version's newest gate result (status and time null when none) and the overrides.</summary>
public sealed record StatusGateJson(string Version, string? Status, DateTime? Time, int Overrides)
{
    public static StatusGateJson Of(string version, GateResult? gate, int overrides) =>
        new(version, gate is null ? null : GateStatusText.Name(gate.Status), gate?.Time, overrides);
}

/// <summary><c>drift</c> in <c>keel status --json</c>: the newest nightly drift run, or only <c>"night": null</c> before the first.</summary>
public sealed record StatusDriftJson
{
    public required string? Night { get; init; }
    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] public bool? WithinTolerance { get; init; }
    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] public int? Matched { get; init; }
    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] public int? Missed { get; init; }
    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] public int? Extra { get; init; }
    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] public double? ReturnDifferencePct { get; init; }

    public static StatusDriftJson Of(DriftRun? run) => run is null ? new StatusDriftJson { Night = null } : new StatusDriftJson
    {
        Night = run.Day,
        WithinTolerance = run.WithinTolerance,
        Matched = run.Summary.Matched,
        Missed = run.Summary.Missed,
        Extra = run.Summary.Extra,
        ReturnDifferencePct = Math.Round(run.Summary.ReturnDifferencePct, 6),
    };
}
