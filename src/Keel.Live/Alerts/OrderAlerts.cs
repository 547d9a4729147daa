using System.Globalization;
using Keel.Core.Persistence;
using Keel.Core.Trading;

namespace Keel.Live.Alerts;

/// <summary>
/// Order problems as alerts: rejected, refused for buying power, hung and cancelled by the fill timeout,
/// left partly filled, crypto skipped under the minimum (info). One alert per strategy, symbol and kind until
/// an order of that strategy and symbol fills again, so a broker that rejects everything raises one, not hundreds.
/// </summary>
internal sealed class OrderAlerts(AlertCenter alerts, ITradingStore store)
{
    private static readonly string[] Kinds = [AlertKinds.OrderRejected, AlertKinds.BuyingPower, AlertKinds.OrderHung, AlertKinds.OrderPartial, AlertKinds.OrderSkipped];

    public void OnOrderEvent(OrderEvent e)
    {
        var order = e.Order;
        var text = e.Reason ?? "";
        switch (e.Status)
        {
            case OrderStatus.Filled:
                foreach (var kind in Kinds) alerts.Resolve(Condition(kind, order), $"{order.Strategy} {order.Symbol}: order {order.ClientOrderId} filled");
                return;
            case OrderStatus.Rejected when text.Contains("crypto minimum", StringComparison.OrdinalIgnoreCase):
                Raise(AlertKinds.OrderSkipped, AlertSeverity.Info, order, $"order {order.ClientOrderId} ({order.Side} {order.Quantity} {order.Symbol}) skipped: {text}");
                return;
            case OrderStatus.Rejected when text.Contains("buying power", StringComparison.OrdinalIgnoreCase) || text.Contains("insufficient", StringComparison.OrdinalIgnoreCase):
                Raise(AlertKinds.BuyingPower, AlertSeverity.Warning, order, $"order {order.ClientOrderId} ({order.Side} {order.Quantity} {order.Symbol}) refused for buying power: {text}");
                return;
            case OrderStatus.Rejected:
                Raise(AlertKinds.OrderRejected, AlertSeverity.Warning, order, $"order {order.ClientOrderId} ({order.Side} {order.Quantity} {order.Symbol}) rejected: {text}");
                return;
            case OrderStatus.Canceled when text.Contains("not filled within", StringComparison.Ordinal):
                var filled = store.FindOrder(order.ClientOrderId)?.FilledQuantity ?? 0m;
                if (filled > 0)
                    Raise(AlertKinds.OrderPartial, AlertSeverity.Warning, order, string.Create(CultureInfo.InvariantCulture,
                        $"order {order.ClientOrderId} ({order.Side} {order.Quantity} {order.Symbol}) left partly filled: {filled} of {order.Quantity}; {text}"));
                else
                    Raise(AlertKinds.OrderHung, AlertSeverity.Warning, order, $"order {order.ClientOrderId} ({order.Side} {order.Quantity} {order.Symbol}) hung at the broker: {text}");
                return;
        }
    }

    private void Raise(string kind, AlertSeverity severity, OrderRequest order, string message) =>
        alerts.Raise(kind, severity, message, order.Strategy, order.Symbol, Condition(kind, order));

    private static string Condition(string kind, OrderRequest order) => $"{kind}:{order.Strategy}:{order.Symbol.Ticker}";
}
