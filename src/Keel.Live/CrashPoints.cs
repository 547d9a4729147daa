using System.Diagnostics;
using System.Globalization;

namespace Keel.Live;

/// <summary>
/// Deliberate crashes for the crash-restart tests: <c>KEEL_CRASH_AT=point:n</c> kills this process with
/// SIGKILL the n-th time the service passes <c>point</c> (nothing is flushed, nothing is cleaned up, as in
/// a real crash). Unset in normal use, where every call is a single null check.
/// </summary>
public sealed class CrashPoints
{
    public const string Variable = "KEEL_CRASH_AT";

    /// <summary>An order decided, before its intent is stored.</summary>
    public const string BeforeIntentStored = "before-intent-stored";
    /// <summary>The intent is stored; the order has not been sent.</summary>
    public const string AfterIntentStored = "after-intent-stored";
    /// <summary>The broker accepted the order; its answer has not been processed.</summary>
    public const string AfterBrokerAccepted = "after-broker-accepted";
    /// <summary>A partial fill has been recorded; the rest of the order is still working.</summary>
    public const string AfterPartialFill = "after-partial-fill";
    /// <summary>A bar's decisions are done and its orders settled; its cursor is not yet saved.</summary>
    public const string BeforeCursorSaved = "before-cursor-saved";

    private readonly string? _point;
    private readonly int _target;
    private int _seen;

    public CrashPoints(string? spec)
    {
        if (string.IsNullOrWhiteSpace(spec)) return;
        var parts = spec.Split(':', 2);
        _point = parts[0].Trim();
        _target = parts.Length == 2 && int.TryParse(parts[1], NumberStyles.None, CultureInfo.InvariantCulture, out var n) && n > 0 ? n : 1;
    }

    public static CrashPoints FromEnvironment() => new(Environment.GetEnvironmentVariable(Variable));

    public static CrashPoints None { get; } = new(null);

    public void Reach(string point)
    {
        if (_point is null || point != _point || ++_seen < _target) return;
        Console.Error.WriteLine($"crash point {point}:{_seen} reached; killing the process");
        Process.GetCurrentProcess().Kill(); // SIGKILL on Linux: no finally blocks, no flushing
    }
}
