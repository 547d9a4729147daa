using Keel.Alerts;
using Keel.Core.Degradation;

namespace Keel.Live.Config;

/// <summary>The "alerts" section, validated: rule thresholds (the plan's defaults), sinks, heartbeat URL, reports folder.</summary>
public sealed record AlertSettings
{
    public static AlertSettings Default { get; } = new();

    /// <summary>Drawdown from the equity peak that raises an alert, for the account and per strategy.</summary>
    public decimal DrawdownPercent { get; init; } = 10m;

    /// <summary>The day's loss, as a percent of start-of-day equity, that raises an alert.</summary>
    public decimal DailyLossPercent { get; init; } = 2m;

    /// <summary>How long without a new bar (beyond the bar's own length) in open market hours before the data is called stale.</summary>
    public TimeSpan Stale { get; init; } = TimeSpan.FromMinutes(5);

    public IReadOnlyList<SinkDefinition> Sinks { get; init; } = [];

    /// <summary>A dead-man's-switch URL pinged after every cycle (never logged: it may carry a token).</summary>
    public Uri? HeartbeatUrl { get; init; }

    /// <summary>Where daily and weekly reports are written; null: "reports" next to the config.</summary>
    public string? ReportsDirectory { get; init; }

    /// <summary>The degradation rule: a strategy's recent live trades against its backtest expectation.</summary>
    public DegradationSettings Degradation { get; init; } = new();

    /// <summary>Whether the service replays the period after each close (<c>keel drift</c>) and alerts on drift.</summary>
    public bool NightlyDrift { get; init; } = true;

    public override string ToString() => $"alerts: drawdown {DrawdownPercent}%, daily loss {DailyLossPercent}%, stale {Stale.TotalMinutes} min, {Sinks.Count} sinks";
}
