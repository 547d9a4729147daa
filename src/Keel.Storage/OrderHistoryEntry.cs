using Keel.Core.Trading;

namespace Keel.Storage;

/// <summary>
/// One event in an order's life as the store recorded it (fills carry the status the quantities decided):
/// <see cref="Time"/> on the broker's clock, <see cref="ReceivedAt"/> when the service heard of it (null
/// when it was not recorded, as before migration 2).
/// </summary>
public sealed record OrderHistoryEntry(DateTime Time, string ClientOrderId, OrderStatus Status, string Note, DateTime? ReceivedAt = null);
