using Keel.Core.Trading;

namespace Keel.Storage;

/// <summary>One event in an order's life as the store recorded it (fills carry the status the quantities decided).</summary>
public sealed record OrderHistoryEntry(DateTime Time, string ClientOrderId, OrderStatus Status, string Note);
