namespace Keel.Alpaca;

/// <summary>
/// An order was sent, the answer was lost, and looking it up by client_order_id also failed: the order
/// may or may not exist. The caller must reconcile later with the same client order id; sending a new
/// id would risk a duplicate.
/// </summary>
public sealed class AlpacaOrderStateUnknownException(string clientOrderId, Exception inner)
    : Exception($"Order '{clientOrderId}' was sent but its outcome is unknown: {inner.Message}", inner)
{
    public string ClientOrderId { get; } = clientOrderId;
}
