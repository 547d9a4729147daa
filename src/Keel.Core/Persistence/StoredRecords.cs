using Keel.Core.Domain;
using Keel.Core.Trading;

namespace Keel.Core.Persistence;

/// <summary>An order as the store knows it: the intent as decided, its last status and how much of it filled.</summary>
public sealed record StoredOrder(OrderRequest Order, OrderStatus Status, decimal FilledQuantity, string? BrokerOrderId, DateTime UpdatedAt, string Note);

/// <summary>A recorded fill; <see cref="Sequence"/> orders fills as they were recorded.</summary>
public sealed record StoredFill(long Sequence, Fill Fill);

/// <summary>A strategy's open position in a symbol as rebuilt from its fills.</summary>
public sealed record StoredPosition(string Strategy, Symbol Symbol, decimal Quantity, decimal AveragePrice, DateTime EntryTime, string? EntryOrderId);

/// <summary>The first and the last bar of a symbol the session processed (the first is where a restart's warm-up begins).</summary>
public sealed record BarCursor(Symbol Symbol, string Timeframe, DateTime FirstBar, DateTime LastBar);

/// <summary>A trading day's start-of-day equity and whether the daily loss limit halted entries on it.</summary>
public sealed record StoredTradingDay(DateOnly Day, decimal StartOfDayEquity, bool Halted, string? HaltReason);

/// <summary>The kill switch; <see cref="Flatten"/> asks the running service to close every position too.</summary>
public sealed record HaltState(bool Halted, string? Reason, DateTime? Since, bool Flatten = false)
{
    public static HaltState Running => new(false, null, null);
}

public sealed record EquitySnapshot(DateTime Time, decimal Equity, decimal Cash);

/// <summary>One trading day's result: start and end equity, realized P&amp;L of the trades closed that day, fees.</summary>
public sealed record DailyPnl(DateOnly Day, decimal StartEquity, decimal EndEquity, decimal RealizedPnl, decimal Fees, int Trades)
{
    public decimal Pnl => EndEquity - StartEquity;
}

public sealed record StoredAlert(DateTime Time, string Kind, string Severity, string Message);

/// <summary>The service's last completed cycle: the broker's clock then, the mode, and the process.</summary>
public sealed record Heartbeat(DateTime BrokerTime, DateTime WallTime, string Mode, int ProcessId);
