namespace Keel.Core.Persistence;

/// <summary>
/// The reads a viewer of a running session needs beyond <see cref="ITradingStore"/>: rows newer than what it
/// already holds (so a dashboard keeps a year of snapshots in memory and asks only for what is new), one
/// cheap question that says whether anything changed, and the journal filtered and bounded.
/// </summary>
public interface ITradingStoreReader : IDisposable
{
    /// <summary>Where the store is, for messages (never a password).</summary>
    string Description { get; }

    /// <summary>The newest id of each table a viewer shows, plus the kill switch and heartbeat: a change means "read again".</summary>
    StoreMarks Marks();

    /// <summary>Equity snapshots with an id above <paramref name="afterId"/>, in id order.</summary>
    IReadOnlyList<StoredEquity> EquityAfter(long afterId);

    /// <summary>Closed trades with an id above <paramref name="afterId"/>, in id order.</summary>
    IReadOnlyList<StoredTrade> TradesAfter(long afterId);

    /// <summary>The journal, newest recorded first, at most <see cref="JournalFilter.Limit"/> rows of each kind.</summary>
    JournalSlice Journal(JournalFilter filter);

    StoredTrade? FindTrade(long id);

    /// <summary>The fills of one strategy and symbol at exactly these times (a trade's entry and exit legs).</summary>
    IReadOnlyList<StoredFill> FillsAt(string strategy, string symbol, IReadOnlyCollection<DateTime> times);

    /// <summary>Every event recorded for an order, oldest first.</summary>
    IReadOnlyList<StoredOrderEvent> OrderEvents(string clientOrderId);

    StoredOrder? FindOrder(string clientOrderId);

    IReadOnlyList<StoredOrder> OpenOrders();

    IReadOnlyList<StoredPosition> Positions();

    IReadOnlyList<DailyPnl> DailyPnls();

    HaltState Halt();

    Heartbeat? LastHeartbeat();

    /// <summary>The alerts table as the session's schema has it (null when this store has none).</summary>
    IReadOnlyList<StoredAlertRow>? Alerts(int limit);
}
