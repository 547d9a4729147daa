namespace Keel.Core.Trading;

/// <summary>
/// A change in an order's life: every order the kernel decides on ends up here, including the ones
/// refused by risk or rejected by the broker, each with its reason. Nothing is dropped silently.
/// </summary>
public sealed record OrderEvent(DateTime Time, OrderRequest Order, OrderStatus Status, string Reason);
