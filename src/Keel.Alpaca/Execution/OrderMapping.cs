using System.Globalization;
using Keel.Alpaca.Models;
using Keel.Core.Trading;

namespace Keel.Alpaca.Execution;

/// <summary>Turns the kernel's <see cref="OrderRequest"/> into Alpaca's order body, or says why it cannot.</summary>
internal static class OrderMapping
{
    /// <param name="bracketBase">For <see cref="ExitRoute.Bracket"/>: the price the exits' percents apply to.</param>
    public static (AlpacaNewOrder? Order, string? Refusal) ToAlpaca(OrderRequest order, ExitRoute route, decimal? bracketBase = null)
    {
        if (order.Quantity <= 0) return (null, $"quantity must be positive, got {order.Quantity}");
        if (route != ExitRoute.None && (order.Side != OrderSide.Buy || order.Purpose != OrderPurpose.Entry))
            return (null, "stop-loss, take-profit and trailing percents belong on a buy entry");
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
        var body = new AlpacaNewOrder
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
        };
        if (route != ExitRoute.Bracket) return (body, null);
        if (bracketBase is not { } basePrice || basePrice <= 0)
            return (null, "no reference price or quote to set the bracket's exits from");
        return (WithExits(body, order, basePrice), null);
    }

    /// <summary>
    /// Bracket (both exits) or OTO (one), priced from <paramref name="basePrice"/> on Alpaca's grid. Whole
    /// shares make it good till cancelled, so the exits outlive the day; fractional orders must be day orders.
    /// </summary>
    private static AlpacaNewOrder WithExits(AlpacaNewOrder body, OrderRequest order, decimal basePrice) => body with
    {
        OrderClass = order.StopLossPercent is not null && order.TakeProfitPercent is not null ? AlpacaOrderClass.Bracket : AlpacaOrderClass.Oto,
        TimeInForce = order.Quantity == decimal.Truncate(order.Quantity) ? AlpacaTimeInForce.Gtc : AlpacaTimeInForce.Day,
        StopLoss = order.StopLossPercent is { } sl ? new AlpacaStopLoss { StopPrice = ExitRouting.EquityPrice(OrderType.Stop, ExitRules.StopLossPrice(basePrice, sl)) } : null,
        TakeProfit = order.TakeProfitPercent is { } tp ? new AlpacaTakeProfit { LimitPrice = ExitRouting.EquityPrice(OrderType.Limit, ExitRules.TakeProfitPrice(basePrice, tp)) } : null,
    };

    /// <summary>A market sell of <paramref name="quantity"/>: how the port sends an exit it watched and found reached.</summary>
    public static AlpacaNewOrder MarketSell(OrderRequest exit, decimal quantity) => new()
    {
        Symbol = AlpacaSymbols.ToApi(exit.Symbol),
        Qty = quantity,
        Side = AlpacaOrderSide.Sell,
        Type = AlpacaOrderType.Market,
        TimeInForce = exit.Symbol.IsCrypto ? AlpacaTimeInForce.Gtc : AlpacaTimeInForce.Day,
        ClientOrderId = exit.ClientOrderId,
    };

    /// <summary>Alpaca's own trailing stop for an equity position, good till cancelled for whole shares.</summary>
    public static AlpacaNewOrder TrailingStop(OrderRequest exit, decimal percent) => new()
    {
        Symbol = AlpacaSymbols.ToApi(exit.Symbol),
        Qty = exit.Quantity,
        Side = AlpacaOrderSide.Sell,
        Type = AlpacaOrderType.TrailingStop,
        TrailPercent = percent,
        TimeInForce = exit.Quantity == decimal.Truncate(exit.Quantity) ? AlpacaTimeInForce.Gtc : AlpacaTimeInForce.Day,
        ClientOrderId = exit.ClientOrderId,
    };

    internal static string Describe(decimal value) => value.ToString(CultureInfo.InvariantCulture);
}
