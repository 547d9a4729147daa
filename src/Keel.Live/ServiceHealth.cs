using Keel.Core.Persistence;

namespace Keel.Live;

public enum ServiceState
{
    NeverStarted,
    Running,
    Stopped,
    Unresponsive,
}

/// <summary>
/// Whether the service runs, from what it records: its last lifecycle event (a clean stop is recorded) and its
/// heartbeat (written every cycle). Started and silent for longer than <c>allowed</c>: unresponsive (hung, or
/// killed without a word). Read by <c>keel status</c> and <c>keel watchdog</c>.
/// </summary>
public static class ServiceHealth
{
    /// <summary>A few cycles, and never under a minute (a slow cycle that waits for fills is not a dead one).</summary>
    public static TimeSpan Allowed(TimeSpan pollInterval) => TimeSpan.FromTicks(Math.Max(pollInterval.Ticks * 3, TimeSpan.FromMinutes(1).Ticks));

    public static (ServiceState State, string Description) Judge(ServiceEvent? last, Heartbeat? heartbeat, DateTime now, TimeSpan allowed)
    {
        if (last is null && heartbeat is null) return (ServiceState.NeverStarted, "the service has never run on this store");
        if (last is { Kind: ServiceEvent.Stopped })
            return (ServiceState.Stopped, $"stopped cleanly at {last.Time:yyyy-MM-dd HH:mm:ss} UTC (pid {last.ProcessId})");
        var started = last?.Kind == ServiceEvent.Started ? last.Time : DateTime.MinValue;
        var lastSign = heartbeat is null ? started : heartbeat.WallTime > started ? heartbeat.WallTime : started;
        var silence = now - lastSign;
        var cycle = heartbeat is null ? "no cycle yet" : $"last cycle {(now - heartbeat.WallTime).TotalSeconds:0} s ago (broker time {heartbeat.BrokerTime:yyyy-MM-dd HH:mm} UTC, pid {heartbeat.ProcessId})";
        return silence <= allowed
            ? (ServiceState.Running, $"running: {cycle}")
            : (ServiceState.Unresponsive, $"unresponsive: {cycle}, no clean stop recorded (allowed {allowed.TotalSeconds:0} s of silence)");
    }

    public static string Name(ServiceState state) => state switch
    {
        ServiceState.NeverStarted => "never-started",
        ServiceState.Running => "running",
        ServiceState.Stopped => "stopped",
        _ => "unresponsive",
    };
}
