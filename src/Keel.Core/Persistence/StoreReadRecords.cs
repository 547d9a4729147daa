using Keel.Core.Trading;

namespace Keel.Core.Persistence;

/// <summary>The newest row id of each table a viewer shows (0 when empty) and the single-row state.</summary>
public sealed record StoreMarks(long Fills, long Equity, long OrderEvents, long Decisions, long Trades, long Alerts, HaltState Halt, DateTime? HeartbeatWallTime);

/// <summary>
/// A page of equity snapshots for a chart: times in Unix milliseconds and equity as doubles (charts need no more),
/// <see cref="LastId"/> to ask for the next page, and the page's last snapshot exact (<see cref="Last"/>, null when empty).
/// </summary>
public sealed record EquityPointsPage(long LastId, long[] UnixMs, double[] Equity, EquitySnapshot? Last)
{
    public int Count => UnixMs.Length;
}

/// <param name="CodeSha256">The source hash of the strategy code that made the trade (as its session recorded it); null before it was recorded.</param>
public sealed record StoredTrade(long Id, Trade Trade, string? CodeSha256 = null);

public sealed record StoredDecision(long Id, Decision Decision);

public sealed record StoredOrderEvent(long Id, DateTime Time, string ClientOrderId, OrderStatus Status, string Note);

/// <summary>Which journal rows to show: every filter optional; times are UTC, <see cref="To"/> exclusive.</summary>
public sealed record JournalFilter(string? Strategy = null, string? Symbol = null, DateTime? From = null, DateTime? To = null, int Limit = 200);

/// <summary>One event in an order's life with the order as decided (its reason, strategy, symbol).</summary>
public sealed record JournalOrderEvent(StoredOrderEvent Event, StoredOrder Order);

/// <summary>The journal rows a filter selects, newest first: decisions, order events (with their order), trades.</summary>
public sealed record JournalSlice(IReadOnlyList<StoredDecision> Decisions, IReadOnlyList<JournalOrderEvent> OrderEvents, IReadOnlyList<StoredTrade> Trades);
