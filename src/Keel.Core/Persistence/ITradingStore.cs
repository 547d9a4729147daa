using Keel.Core.Domain;
using Keel.Core.Trading;

namespace Keel.Core.Persistence;

/// <summary>
/// Where a paper or live session keeps everything it would miss after a crash: the journal (decisions,
/// order intents stored before they are sent, status changes, fills, trades), positions per strategy,
/// how far each symbol's bars were processed, the trading day's start equity and halts, the kill switch,
/// snapshots and alerts. Every write is durable when the call returns. SQLite by default, PostgreSQL
/// when configured; both apply the same migrations at open.
/// </summary>
public interface ITradingStore : IJournal, IDisposable
{
    /// <summary>Orders whose last known status is New, Accepted or PartiallyFilled.</summary>
    IReadOnlyList<StoredOrder> OpenOrders();

    StoredOrder? FindOrder(string clientOrderId);

    /// <summary>Remembers the broker's id of an order once known.</summary>
    void SetBrokerOrderId(string clientOrderId, string brokerOrderId);

    /// <summary>The code a strategy last ran with (its latest <see cref="RecordStrategySource"/>), or null.</summary>
    StoredStrategySource? LatestStrategySource(string strategy);

    /// <summary>Appends which code <see cref="StoredStrategySource.Strategy"/> runs with from now on.</summary>
    void RecordStrategySource(StoredStrategySource source);

    /// <summary>Every fill recorded, oldest first.</summary>
    IReadOnlyList<StoredFill> Fills();

    /// <summary>Open positions per strategy and symbol, kept up to date by the fills recorded.</summary>
    IReadOnlyList<StoredPosition> Positions();

    /// <summary>How far the bars of <paramref name="symbol"/> were processed; null before the first.</summary>
    BarCursor? Cursor(Symbol symbol);

    void SaveCursor(BarCursor cursor);

    StoredTradingDay? TradingDay(DateOnly day);

    /// <summary>Stores the day's start equity (the first call for a day wins) and whether its loss limit halted entries.</summary>
    void SaveTradingDay(StoredTradingDay day);

    /// <summary>The kill switch: set by <c>keel halt</c>, cleared by <c>keel resume</c>.</summary>
    HaltState Halt();

    void SetHalt(HaltState state);

    void RecordEquity(EquitySnapshot snapshot);

    EquitySnapshot? LatestEquity();

    /// <summary>Upserts one day's P&amp;L snapshot.</summary>
    void RecordDailyPnl(DailyPnl pnl);

    IReadOnlyList<DailyPnl> DailyPnls();

    void RecordAlert(StoredAlert alert);

    IReadOnlyList<StoredAlert> Alerts();

    /// <summary>The service's last completed cycle: the broker's time and the mode, read by <c>keel status</c>.</summary>
    void SaveHeartbeat(Heartbeat heartbeat);

    Heartbeat? LastHeartbeat();

    IReadOnlyList<Decision> Decisions();

    IReadOnlyList<Trade> Trades();
}
