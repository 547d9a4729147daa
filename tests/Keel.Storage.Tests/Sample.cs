using Keel.Core.Domain;
using Keel.Core.Trading;

namespace Keel.Storage.Tests;

/// <summary>Orders, fills and events as the kernel makes them, with every optional field set.</summary>
internal static class Sample
{
    public static readonly DateTime T0 = new(2026, 3, 2, 14, 30, 0, DateTimeKind.Utc);
    public static readonly Symbol Aapl = Symbol.Parse("AAPL");
    public static readonly Symbol Btc = Symbol.Parse("BTC/USD");
    public const string Strategy = "sma-crossover:fast=10,slow=30";

    public static OrderRequest Entry(string id = "k1-AAPL-260302143000-E", decimal quantity = 10m, Symbol? symbol = null) => new()
    {
        ClientOrderId = id,
        Strategy = Strategy,
        Symbol = symbol ?? Aapl,
        Side = OrderSide.Buy,
        Quantity = quantity,
        Type = OrderType.Limit,
        LimitPrice = 187.25m,
        Purpose = OrderPurpose.Entry,
        CreatedAt = T0,
        Reason = "fast SMA 187.1 crossed above slow SMA 186.9",
        StopLossPercent = 2.5m,
        TakeProfitPercent = 5m,
        TrailingStopPercent = 1.25m,
        ReferencePrice = 187.31m,
    };

    public static OrderRequest Exit(string id, decimal quantity, string parentId, OrderPurpose purpose = OrderPurpose.Exit, DateTime? at = null) => new()
    {
        ClientOrderId = id,
        Strategy = Strategy,
        Symbol = Aapl,
        Side = OrderSide.Sell,
        Quantity = quantity,
        Type = purpose == OrderPurpose.StopLoss ? OrderType.Stop : OrderType.Market,
        StopPrice = purpose == OrderPurpose.StopLoss ? 182.57m : null,
        Purpose = purpose,
        CreatedAt = at ?? T0.AddHours(1),
        Reason = "fast SMA crossed below slow SMA",
        ParentId = parentId,
    };

    public static Fill FillOf(OrderRequest order, decimal quantity, decimal price, DateTime time, decimal commission = 0.35m) =>
        new(order.ClientOrderId, order.Strategy, order.Symbol, order.Side, order.Purpose, quantity, price, commission, 0.01m, time);

    public static OrderEvent New(OrderRequest order) => new(order.CreatedAt, order, OrderStatus.New, "sent");

    public static OrderEvent Accepted(OrderRequest order, DateTime time) => new(time, order, OrderStatus.Accepted, order.Reason);

    /// <summary>How the kernel reports any fill, partial or not: status Filled, an empty note, the fill attached.</summary>
    public static OrderEvent Filled(OrderRequest order, Fill fill) => new(fill.Time, order, OrderStatus.Filled, "", fill);
}
