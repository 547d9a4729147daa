using Keel.Core.Trading;

namespace Keel.Alpaca.Tests;

/// <summary>Keeps what an execution port reports, in order.</summary>
internal sealed class RecordingListener : IExecutionListener
{
    public List<OrderRequest> Accepted { get; } = [];
    public List<Fill> Fills { get; } = [];
    public List<(OrderRequest Order, OrderStatus Status, string Reason)> Closed { get; } = [];

    public void OnOrderAccepted(OrderRequest order, DateTime time) => Accepted.Add(order);

    public void OnFill(in Fill fill) => Fills.Add(fill);

    public void OnOrderClosed(OrderRequest order, OrderStatus status, string reason, DateTime time) => Closed.Add((order, status, reason));
}
