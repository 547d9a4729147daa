using System.Text.Json.Serialization;
using Keel.Core.Persistence;

namespace Keel.Reporting.Json;

/// <summary>
/// <c>keel status --json</c>: what the trading service is doing, from its store and the broker when reachable. Nulls are
/// written (<c>halt_reason</c>, <c>last_cycle</c>, <c>equity</c>, <c>today</c>...) except <c>broker_error</c>, present only
/// when the broker could not be read, and the path-to-money parts, present when the store keeps them.
/// </summary>
public sealed record StatusJson
{
    public required string Mode { get; init; }
    public required string Store { get; init; }
    public required bool Halted { get; init; }
    public required string? HaltReason { get; init; }
    public required LastCycleJson? LastCycle { get; init; }
    public required bool ServiceRunning { get; init; }
    public required string ServiceState { get; init; }
    public required string ServiceDetail { get; init; }
    public required IReadOnlyList<FailingSinkJson> FailingSinks { get; init; }
    public required bool BrokerReachable { get; init; }
    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] public string? BrokerError { get; init; }
    public required decimal? Equity { get; init; }
    public required decimal? Cash { get; init; }
    public required IReadOnlyList<StatusPositionJson> Positions { get; init; }
    public required IReadOnlyList<StatusOrderJson> OpenOrders { get; init; }
    public required TodayJson? Today { get; init; }
    public required DailyLossLimitJson DailyLossLimit { get; init; }
    public required IReadOnlyList<RecentAlertJson> RecentAlerts { get; init; }
    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] public CapitalJson? Capital { get; init; }
    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] public StatusGateJson? Gate { get; init; }
    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] public StatusDriftJson? Drift { get; init; }
}

/// <summary>The service's last completed cycle: the broker's clock then, the wall clock, the process.</summary>
public sealed record LastCycleJson(DateTime BrokerTime, DateTime WallTime, int Pid)
{
    public static LastCycleJson? Of(Heartbeat? heartbeat) => heartbeat is null ? null : new(heartbeat.BrokerTime, heartbeat.WallTime, heartbeat.ProcessId);
}

/// <summary>An alert sink whose deliveries fail: how many wait and the last error.</summary>
public sealed record FailingSinkJson(string Sink, int Undelivered, string LastError);

/// <summary>One strategy's open position in one symbol.</summary>
public sealed record StatusPositionJson(string Strategy, string Symbol, decimal Quantity, decimal AvgPrice)
{
    public static StatusPositionJson Of(StoredPosition p)
    {
        ArgumentNullException.ThrowIfNull(p);
        return new(p.Strategy, p.Symbol.Ticker, p.Quantity, p.AveragePrice);
    }
}

/// <summary>An order the store holds open; side and status in lower case.</summary>
public sealed record StatusOrderJson(string ClientOrderId, string Strategy, string Symbol, string Side, decimal Quantity, decimal FilledQuantity, string Status)
{
    public static StatusOrderJson Of(StoredOrder o)
    {
        ArgumentNullException.ThrowIfNull(o);
        return new(o.Order.ClientOrderId, o.Order.Strategy, o.Order.Symbol.Ticker, o.Order.Side.ToString().ToLowerInvariant(), o.Order.Quantity,
            o.FilledQuantity, o.Status.ToString().ToLowerInvariant());
    }
}

/// <summary>The newest trading day's P&amp;L (<c>day</c> as yyyy-MM-dd).</summary>
public sealed record TodayJson(DateOnly Day, decimal StartEquity, decimal Pnl, decimal RealizedPnl, int Trades)
{
    public static TodayJson? Of(DailyPnl? day) => day is null ? null : new(day.Day, day.StartEquity, day.Pnl, day.RealizedPnl, day.Trades);
}

/// <summary>The daily loss limit: its percent, the equity floor today, the headroom above it, and whether it halted today.</summary>
public sealed record DailyLossLimitJson(decimal? Percent, decimal? FloorEquity, decimal? Headroom, bool HaltedToday);

/// <summary>One of the last alerts the service recorded.</summary>
public sealed record RecentAlertJson(DateTime Time, string Kind, string Message)
{
    public static RecentAlertJson Of(StoredAlert a)
    {
        ArgumentNullException.ThrowIfNull(a);
        return new(a.Time, a.Kind, a.Message);
    }
}
