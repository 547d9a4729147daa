namespace Keel.Core.Trading;

/// <summary>What an execution port reports back to the kernel.</summary>
public interface IExecutionListener
{
    /// <summary>The broker holds the order (including bracket exits it created for a filled entry).</summary>
    void OnOrderAccepted(OrderRequest order, DateTime time);

    void OnFill(in Fill fill);

    /// <summary>
    /// An order reached an end without (further) fills: rejected, cancelled, expired; or Filled when its
    /// fills add up to less than it asked for (a crypto buy on Alpaca receives its coin less the fee).
    /// </summary>
    void OnOrderClosed(OrderRequest order, OrderStatus status, string reason, DateTime time);
}
