namespace Keel.Core.Trading;

/// <summary>
/// Where orders go: the simulated broker in a backtest, Alpaca in paper and live. Calls are
/// synchronous and cheap: an adapter that talks to a network queues the work and reports back
/// through <see cref="IExecutionListener"/> on the kernel's thread.
/// </summary>
public interface IExecutionPort
{
    /// <summary>
    /// Sends an order. A client order id this port was already given is ignored, whatever the order
    /// says: the first order stands, so a re-made decision never becomes a second order (and the
    /// kernel never hears about the id twice).
    /// </summary>
    void Submit(OrderRequest order);

    /// <summary>Cancels a working order; unknown or finished orders are ignored.</summary>
    void Cancel(string clientOrderId);
}
