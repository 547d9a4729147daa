using System.Text.Json;
using Keel.Core.Persistence;
using Keel.Live.Config;
using Keel.Live.Gates;
using Keel.Reporting.Gates;
using Spectre.Console;

namespace Keel.Cli.Commands;

/// <summary><c>keel status</c>'s part on the path to money: the capital stage and its history, the version's last gate, overrides.</summary>
internal static class StatusGates
{
    public static void WriteJson(Utf8JsonWriter w, ITradingStore store, LiveSettings settings)
    {
        if (store is not IGateStore gates) return;
        var changes = gates.CapitalChanges();
        w.WriteStartObject("capital");
        if (changes.Count == 0) { w.WriteNull("stage"); w.WriteNull("percent"); }
        else { w.WriteNumber("stage", changes[^1].Stage); w.WriteNumber("percent", changes[^1].Percent); }
        w.WriteStartArray("changes");
        foreach (var c in changes)
        {
            w.WriteStartObject();
            w.WriteString("time", c.Time);
            w.WriteNumber("stage", c.Stage);
            w.WriteNumber("percent", c.Percent);
            w.WriteString("kind", c.Kind);
            w.WriteString("actor", c.Actor);
            w.WriteString("reason", c.Reason);
            w.WriteEndObject();
        }
        w.WriteEndArray();
        w.WriteEndObject();
        var version = LiveVersion.Of(settings);
        var gate = gates.LatestGateResult(version);
        w.WriteStartObject("gate");
        w.WriteString("version", version);
        if (gate is null) { w.WriteNull("status"); w.WriteNull("time"); }
        else { w.WriteString("status", GateJson.Status(gate.Status)); w.WriteString("time", gate.Time); }
        w.WriteNumber("overrides", gates.GateOverrides().Count);
        w.WriteEndObject();
        if (store is not IDegradationStore runs) return;
        w.WriteStartObject("drift");
        if (runs.LatestDriftRun() is { } run)
        {
            w.WriteString("night", run.Day);
            w.WriteBoolean("within_tolerance", run.WithinTolerance);
            w.WriteNumber("matched", run.Summary.Matched);
            w.WriteNumber("missed", run.Summary.Missed);
            w.WriteNumber("extra", run.Summary.Extra);
            w.WriteNumber("return_difference_pct", Math.Round(run.Summary.ReturnDifferencePct, 6));
        }
        else w.WriteNull("night");
        w.WriteEndObject();
    }

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
        AnsiConsole.MarkupLine(gate is null ? $"Gate: none for version {version} (keel gate)" : $"Gate of version {version}: {GateJson.Status(gate.Status)} at {gate.Time:u}");
        foreach (var o in gates.GateOverrides().TakeLast(3)) AnsiConsole.MarkupLine($"[red]gates overridden[/] {o.Time:u} by {Markup.Escape(o.Actor)}: {Markup.Escape(o.Reason)}");
        if (store is IDegradationStore runs) AnsiConsole.MarkupLine(Markup.Escape(DriftCommand.Describe(runs.LatestDriftRun())));
    }
}
