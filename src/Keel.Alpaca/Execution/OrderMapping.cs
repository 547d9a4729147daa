using Keel.Alpaca.Models;
using Keel.Core.Trading;

namespace Keel.Alpaca.Execution;

/// <summary>Turns the kernel's <see cref="OrderRequest"/> into Alpaca's order body, or says why it cannot.</summary>
internal static class OrderMapping
{
    public static (AlpacaNewOrder? Order, string? Refusal) ToAlpaca(OrderRequest order)
    {
        if (order.StopLossPercent is not null || order.TakeProfitPercent is not null || order.TrailingStopPercent is not null)
            return (null, "bracket exits (stop-loss, take-profit, trailing percents) are not supported by the Alpaca port yet");
        if (order.Quantity <= 0) return (null, $"quantity must be positive, got {order.Quantity}");
        var crypto = order.Symbol.IsCrypto;
        var type = order.Type switch
        {
            OrderType.Market => AlpacaOrderType.Market,
            OrderType.Limit => AlpacaOrderType.Limit,
            OrderType.Stop when crypto => AlpacaOrderType.Unknown,
            OrderType.Stop => AlpacaOrderType.Stop,
            _ => AlpacaOrderType.Unknown,
        };
        if (type == AlpacaOrderType.Unknown)
            return (null, $"Alpaca does not take {order.Type} orders for {(crypto ? "crypto" : "equities")}");
        return (new AlpacaNewOrder
        {
            Symbol = AlpacaSymbols.ToApi(order.Symbol),
            Qty = order.Quantity,
            Side = order.Side == OrderSide.Buy ? AlpacaOrderSide.Buy : AlpacaOrderSide.Sell,
            Type = type,
            // Crypto accepts only gtc/ioc; equities work for the day (and fractional shares must be day orders).
            TimeInForce = crypto ? AlpacaTimeInForce.Gtc : AlpacaTimeInForce.Day,
            LimitPrice = type == AlpacaOrderType.Limit ? order.LimitPrice : null,
            StopPrice = type == AlpacaOrderType.Stop ? order.StopPrice : null,
            ClientOrderId = order.ClientOrderId,
        }, null);
    }
}
