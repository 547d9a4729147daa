using Keel.Core.Domain;
using Keel.Core.Risk;
using Keel.Core.Strategies;

namespace Keel.Live.Config;

/// <summary>A validated service configuration: everything the trading service needs besides the Alpaca keys.</summary>
public sealed record LiveSettings
{
    public required TradingMode Mode { get; init; }
    public Uri? TradingUrl { get; init; }
    public Uri? DataUrl { get; init; }
    public string Feed { get; init; } = "iex";
    public required Timeframe Timeframe { get; init; }
    public required IReadOnlyList<Symbol> Symbols { get; init; }
    public required IReadOnlyList<IStrategySpec> Strategies { get; init; }
    public required RiskConfig Risk { get; init; }

    /// <summary>Absolute path of the SQLite file (used unless <see cref="PostgresConnectionString"/> is set).</summary>
    public required string SqlitePath { get; init; }
    public string? PostgresConnectionString { get; init; }

    public TimeSpan PollInterval { get; init; } = TimeSpan.FromSeconds(10);
    public TimeSpan SettleTimeout { get; init; } = TimeSpan.FromSeconds(30);
    public TimeSpan FillTimeout { get; init; } = TimeSpan.FromMinutes(2);
    public decimal CryptoMinimumNotional { get; init; } = 10m;
    public int WarmUpBars { get; init; } = 300;
    public required string LogDirectory { get; init; }

    /// <summary>Alert rules and sinks; no sinks and the plan's thresholds when the config has no "alerts".</summary>
    public AlertSettings Alerts { get; init; } = AlertSettings.Default;

    /// <summary>Capital stages of live trading (the <c>capital</c> section).</summary>
    public Core.Capital.CapitalPlan Capital { get; init; } = Core.Capital.CapitalPlan.Default;

    /// <summary>Go/no-go thresholds (the <c>gates</c> section).</summary>
    public Core.Gates.GateThresholds Gates { get; init; } = new();

    /// <summary>The port on 127.0.0.1 where the service also serves the dashboard (the <c>dashboard</c> section); null: none.</summary>
    public int? DashboardPort { get; init; }

    /// <summary>Where the store lives, for messages (never the PostgreSQL password).</summary>
    public string StoreDescription => PostgresConnectionString is null ? SqlitePath : "PostgreSQL";
}

public enum TradingMode
{
    Paper,
    Live,
}
