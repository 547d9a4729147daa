using System.Globalization;
using Keel.Core.Capital;
using Keel.Core.Gates;
using Keel.Core.Persistence;
using Keel.Live.Alerts;
using Keel.Live.Config;
using Microsoft.Extensions.Logging.Abstractions;

namespace Keel.Live.Gates;

/// <summary>
/// Whether <c>keel live</c> may start: the current version needs a stored gate result that is not FAIL
/// and is younger than <c>gates.maxGateAgeDays</c>. An override starts anyway and leaves a record (who,
/// why, what failed) and a critical alert.
/// </summary>
public static class LiveGateCheck
{
    /// <summary>Null when live may start; otherwise why not, naming the failing rules.</summary>
    public static string? Refusal(LiveSettings settings, IGateStore gates, DateTime now)
    {
        var version = LiveVersion.Of(settings);
        var result = gates.LatestGateResult(version);
        if (result is null) return $"no gate result for version {version} of this config: run keel gate --config first";
        if (result.Status == GateStatus.Fail)
            return $"the gate of version {version} ({result.Time:yyyy-MM-dd HH:mm}Z) fails: " + string.Join("; ", result.Failing.Select(r => r.ToString()));
        var age = now - result.Time;
        if (age > TimeSpan.FromDays(settings.Gates.MaxGateAgeDays))
            return string.Create(CultureInfo.InvariantCulture, $"the passing gate of version {version} is {age.TotalDays:0.0} days old (gates.maxGateAgeDays {settings.Gates.MaxGateAgeDays}): run keel gate --config again");
        return null;
    }

    /// <summary>Records an override of <paramref name="refusal"/>: who, why, and a critical alert.</summary>
    public static void RecordOverride(LiveSettings settings, ITradingStore store, IGateStore gates, DateTime now, string actor, string reason, string refusal)
    {
        var version = LiveVersion.Of(settings);
        gates.RecordGateOverride(new GateOverride(now, version, actor, reason, refusal));
        // Through the outbox, so every sink that takes critical alerts carries it (the service's sender delivers it).
        var sinks = new AlertCenter(store, settings.Alerts.Sinks, TimeProvider.System, NullLogger.Instance).SinksFor(AlertSeverity.Critical);
        store.RaiseAlert(new NewAlert(now, CriticalAlertResponse.OverrideKind, AlertSeverity.Critical,
            $"{actor} started live trading of version {version} past its gates: {reason} (gates: {refusal})"), sinks);
    }
}
