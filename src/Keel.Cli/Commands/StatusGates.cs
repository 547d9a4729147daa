using Keel.Core.Persistence;
using Keel.Live.Config;
using Keel.Live.Gates;
using Keel.Reporting.Json;
using Spectre.Console;
using Keel.Reporting.Gates;

namespace Keel.Cli.Commands;

/// <summary><c>keel status</c>'s part on the path to money: the capital stage and its history, the version's last gate, overrides.</summary>
internal static class StatusGates
{
    /// <summary>The capital stage and its history; null when the store keeps no gates.</summary>
    public static CapitalJson? Capital(ITradingStore store) => store is IGateStore gates ? CapitalJson.Of(gates.CapitalChanges()) : null;

    /// <summary>The config's version and its newest gate result; null when the store keeps no gates.</summary>
    public static StatusGateJson? Gate(ITradingStore store, LiveSettings settings)
    {
        if (store is not IGateStore gates) return null;
        var version = LiveVersion.Of(settings);
        return StatusGateJson.Of(version, gates.LatestGateResult(version), gates.GateOverrides().Count);
    }

    /// <summary>The newest nightly drift run; null when the store keeps no drift runs (nor gates, as before).</summary>
    public static StatusDriftJson? Drift(ITradingStore store) =>
        store is IGateStore && store is IDegradationStore runs ? StatusDriftJson.Of(runs.LatestDriftRun()) : null;

    public static void WriteText(ITradingStore store, LiveSettings settings)
    {
        if (store is not IGateStore gates) return;
        var changes = gates.CapitalChanges();
        AnsiConsole.MarkupLine(changes.Count == 0
            ? "Capital: no stage yet (keel live starts at stage 1)."
            : $"Capital: stage {changes[^1].Stage} ({changes[^1].Percent}% of equity) since {changes[^1].Time:u}");
        foreach (var c in changes) AnsiConsole.MarkupLine($"  {c.Time:u} {Markup.Escape(c.Kind)} → stage {c.Stage} ({c.Percent}%) by {Markup.Escape(c.Actor)}: {Markup.Escape(c.Reason)}");
        var version = LiveVersion.Of(settings);
        var gate = gates.LatestGateResult(version);
        AnsiConsole.MarkupLine(gate is null ? $"Gate: none for version {version} (keel gate)" : $"Gate of version {version}: {GateStatusText.Name(gate.Status)} at {gate.Time:u}");
        foreach (var o in gates.GateOverrides().TakeLast(3)) AnsiConsole.MarkupLine($"[red]gates overridden[/] {o.Time:u} by {Markup.Escape(o.Actor)}: {Markup.Escape(o.Reason)}");
        if (store is IDegradationStore runs) AnsiConsole.MarkupLine(Markup.Escape(DriftCommand.Describe(runs.LatestDriftRun())));
    }
}
