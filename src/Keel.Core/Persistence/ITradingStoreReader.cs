using Keel.Core.Gates;

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

    /// <summary>
    /// At most <paramref name="limit"/> equity snapshots with an id above <paramref name="afterId"/>, in id order, as chart
    /// points (a viewer pages through a year of minutes without building a record per row); empty when there are none.
    /// </summary>
    EquityPointsPage EquityPointsAfter(long afterId, int limit);

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

    /// <summary>Which configuration version each session ran, oldest first (the gate tables; a store before them throws a DbException).</summary>
    IReadOnlyList<SessionStart> SessionStarts();

    /// <summary>The newest gate result of <paramref name="version"/>, or null.</summary>
    GateResult? LatestGateResult(string version);

    /// <summary>Capital stage changes, oldest first: the last is the stage in force.</summary>
    IReadOnlyList<CapitalChange> CapitalChanges();

    IReadOnlyList<GateOverride> GateOverrides();

    /// <summary>The newest <paramref name="limit"/> alerts, newest first, with their acknowledgement (null when this store has no alerts table).</summary>
    IReadOnlyList<AlertRecord>? Alerts(int limit);
}
