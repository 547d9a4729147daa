using System.Text.Json.Serialization;

namespace Keel.Live.Config;

/// <summary>
/// The config file (<c>keel.json</c>) as written by the user, before validation. Keys are camelCase;
/// unknown keys are refused so a typo never silently falls back to a default. Alpaca keys are not here:
/// they come from the environment or <c>.env</c>.
/// </summary>
internal sealed partial class LiveConfigFile
{
    /// <summary>"paper" (default) or "live".</summary>
    public string? Mode { get; set; }
    public AlpacaSection? Alpaca { get; set; }
    public string? Timeframe { get; set; }
    public List<string>? Symbols { get; set; }
    /// <summary>Strategy texts as for <c>keel backtest --strategy</c> (registry specs or ensembles), or
    /// <c>{ "id": ..., "strategy": ... }</c> objects giving one a stable id.</summary>
    public List<StrategyEntry>? Strategies { get; set; }
    /// <summary>Folders of the user's strategies (relative to this file); ./strategies of the current folder when absent.</summary>
    public List<string>? StrategyPaths { get; set; }
    public RiskSection? Risk { get; set; }
    public StoreSection? Store { get; set; }
    public ScheduleSection? Schedule { get; set; }
    /// <summary>Folder of the rolling log files; "logs" when absent.</summary>
    public string? Logs { get; set; }
    public AlertsSection? Alerts { get; set; }

    internal sealed class AlpacaSection
    {
        public string? TradingUrl { get; set; }
        public string? DataUrl { get; set; }
        /// <summary>Stock data feed: "iex" (free) or "sip".</summary>
        public string? Feed { get; set; }
        public double? FillTimeoutSeconds { get; set; }
        public decimal? CryptoMinimumNotional { get; set; }
    }

    internal sealed class RiskSection
    {
        public string? Sizing { get; set; }
        public string? CryptoSizing { get; set; }
        public decimal? MaxPositionSize { get; set; }
        public decimal? MaxNotionalPerOrder { get; set; }
        public int? MaxOpenPositions { get; set; }
        public decimal? StopLossPercent { get; set; }
        public decimal? TakeProfitPercent { get; set; }
        public decimal? TrailingStopPercent { get; set; }
        public decimal? DailyLossLimitPercent { get; set; }
        public bool? ScaleSizeByConfidence { get; set; }
    }

    internal sealed class StoreSection
    {
        /// <summary>SQLite file; relative paths are relative to the config file.</summary>
        public string? Sqlite { get; set; }
        /// <summary>A PostgreSQL connection string; when set it is used instead of SQLite.</summary>
        public string? Postgres { get; set; }
    }

    /// <summary>Alert rules, sinks and the dead-man's-switch URL (see <see cref="AlertConfigReader"/>).</summary>
    internal sealed class AlertsSection
    {
        public decimal? DrawdownPercent { get; set; }
        public decimal? DailyLossPercent { get; set; }
        public double? StaleMinutes { get; set; }
        /// <summary>Pinged (GET) after every cycle; may be "env:NAME".</summary>
        public string? HeartbeatUrl { get; set; }
        /// <summary>Folder of the daily and weekly reports; "reports" next to the config when absent.</summary>
        public string? Reports { get; set; }
        public List<SinkSection>? Sinks { get; set; }
    }

    /// <summary>One sink; which keys apply depends on its type (email, webhook, sms).</summary>
    internal sealed class SinkSection
    {
        public string? Type { get; set; }
        /// <summary>Names the sink's outbox rows; "{type}-{n}" when absent. Keep it when reordering sinks.</summary>
        public string? Name { get; set; }
        public string? MinSeverity { get; set; }
        public string? Host { get; set; }
        public int? Port { get; set; }
        public string? Security { get; set; }
        public string? From { get; set; }
        public List<string>? To { get; set; }
        public string? Url { get; set; }
        public string? Format { get; set; }
        public string? ChatId { get; set; }
        public string? Provider { get; set; }
        public string? BaseUrl { get; set; }
    }

    internal sealed class ScheduleSection
    {
        /// <summary>Seconds between cycles (each cycle processes the bars completed since the last).</summary>
        public double? PollSeconds { get; set; }
        /// <summary>Bars of history fed to the strategies before the first live bar.</summary>
        public int? WarmUpBars { get; set; }
        /// <summary>How long a cycle waits for its orders to fill before moving on (they stay watched).</summary>
        public double? SettleSeconds { get; set; }
    }
}

[JsonSourceGenerationOptions(PropertyNamingPolicy = JsonKnownNamingPolicy.CamelCase, ReadCommentHandling = System.Text.Json.JsonCommentHandling.Skip,
    AllowTrailingCommas = true, UnmappedMemberHandling = JsonUnmappedMemberHandling.Disallow)]
[JsonSerializable(typeof(LiveConfigFile))]
internal sealed partial class LiveConfigJsonContext : JsonSerializerContext;
