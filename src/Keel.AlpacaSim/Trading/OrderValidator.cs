using System.Globalization;
using Keel.Alpaca.Models;

namespace Keel.AlpacaSim.Trading;

/// <summary>
/// Alpaca's checks on an order body that need no account state (section 7.3 of the reference): enums,
/// qty xor notional, price fields per type, time in force per asset class, sub-penny prices, extended
/// hours, fractional rules and order-class price ordering. Buying power and uniqueness are the broker's.
/// </summary>
internal static class OrderValidator
{
    private const int MaxClientOrderIdLength = 48;
    private const int MaxQuantityDecimals = 9;

    /// <param name="referencePrice">The current touch (ask for buys, bid for sells), when a quote exists.</param>
    public static SimError? Validate(AlpacaNewOrder order, AlpacaAsset asset, decimal? referencePrice)
    {
        var crypto = asset.AssetClass == AlpacaAssetClass.Crypto;
        if (order.Side == AlpacaOrderSide.Unknown) return SimError.Invalid("invalid side");
        if (order.Type == AlpacaOrderType.Unknown) return SimError.Invalid("invalid order type");
        if (order.TimeInForce == AlpacaTimeInForce.Unknown) return SimError.Invalid("invalid time_in_force");
        if (order.Qty is null && order.Notional is null) return SimError.Invalid("qty or notional is required");
        if (order.Qty is not null && order.Notional is not null) return SimError.Invalid("only one of qty or notional can be specified");
        if (order.Qty is <= 0) return SimError.Invalid("qty must be > 0");
        if (order.Notional is <= 0) return SimError.Invalid("notional must be > 0");
        if (order.Qty is { } q && q.Scale > MaxQuantityDecimals && q != Math.Round(q, MaxQuantityDecimals))
            return SimError.Invalid($"qty must have at most {MaxQuantityDecimals} decimal places");
        if (order.ClientOrderId is { Length: > MaxClientOrderIdLength })
            return SimError.Invalid($"client_order_id must be no more than {MaxClientOrderIdLength} characters");
        if (!asset.Tradable) return SimError.Unprocessable($"asset {asset.Symbol} is not tradable");

        var fractional = order.Notional is not null || (order.Qty is { } qty && qty != decimal.Truncate(qty));
        if (crypto)
        {
            if (order.Type is not (AlpacaOrderType.Market or AlpacaOrderType.Limit or AlpacaOrderType.StopLimit))
                return SimError.Unprocessable("invalid order type for crypto order");
            if (order.TimeInForce is not (AlpacaTimeInForce.Gtc or AlpacaTimeInForce.Ioc))
                return SimError.Unprocessable("invalid crypto time_in_force");
            if (order.OrderClass is not (AlpacaOrderClass.Unknown or AlpacaOrderClass.Simple))
                return SimError.Unprocessable("crypto orders support only simple order class");
        }
        else if (fractional)
        {
            if (!asset.Fractionable) return SimError.Unprocessable("requested asset is not fractionable");
            if (order.TimeInForce != AlpacaTimeInForce.Day) return SimError.Unprocessable("fractional orders must be DAY orders");
        }

        if (PriceFieldsError(order) is { } priceError) return priceError;
        if (!crypto && SubPenny(order) is { } subPenny) return subPenny;

        if (order.ExtendedHours && (order.Type != AlpacaOrderType.Limit || order.TimeInForce != AlpacaTimeInForce.Day))
            return SimError.Unprocessable("extended hours order must be DAY limit orders");

        return order.OrderClass switch
        {
            AlpacaOrderClass.Bracket => BracketError(order, referencePrice),
            AlpacaOrderClass.Oco => OcoError(order),
            AlpacaOrderClass.Oto => OtoError(order),
            AlpacaOrderClass.Mleg => SimError.Unprocessable("mleg orders are for options, which the sim does not trade"),
            _ => null,
        };
    }

    private static SimError? PriceFieldsError(AlpacaNewOrder order)
    {
        var needsLimit = order.Type is AlpacaOrderType.Limit or AlpacaOrderType.StopLimit;
        var needsStop = order.Type is AlpacaOrderType.Stop or AlpacaOrderType.StopLimit;
        if (needsLimit && order.LimitPrice is null && order.OrderClass != AlpacaOrderClass.Oco)
            return SimError.Invalid("limit_price is required for limit and stop_limit orders");
        if (needsStop && order.StopPrice is null) return SimError.Invalid("stop_price is required for stop and stop_limit orders");
        if (order.LimitPrice is <= 0 || order.StopPrice is <= 0) return SimError.Unprocessable("prices must be > 0");
        if (order.Type == AlpacaOrderType.TrailingStop)
        {
            if ((order.TrailPrice is null) == (order.TrailPercent is null))
                return SimError.Invalid("trailing_stop orders need exactly one of trail_price and trail_percent");
            if (order.TrailPrice is <= 0 || order.TrailPercent is <= 0 or >= 100) return SimError.Unprocessable("invalid trail");
            if (order.TimeInForce is not (AlpacaTimeInForce.Day or AlpacaTimeInForce.Gtc))
                return SimError.Unprocessable("trailing_stop orders must be DAY or GTC");
        }
        return null;
    }

    private static SimError? SubPenny(AlpacaNewOrder order)
    {
        (string Name, decimal? Price)[] prices =
        [
            ("limit_price", order.LimitPrice), ("stop_price", order.StopPrice),
            ("take_profit.limit_price", order.TakeProfit?.LimitPrice), ("stop_loss.stop_price", order.StopLoss?.StopPrice),
            ("stop_loss.limit_price", order.StopLoss?.LimitPrice),
        ];
        foreach (var (name, price) in prices)
        {
            if (price is not { } p) continue;
            var allowed = p >= 1 ? 2 : 4;
            if (p != Math.Round(p, allowed))
                return SimError.Unprocessable(string.Create(CultureInfo.InvariantCulture,
                    $"invalid {name} {p}. sub-penny increment does not fulfill minimum pricing criteria"));
        }
        return null;
    }

    private static SimError? BracketError(AlpacaNewOrder order, decimal? referencePrice)
    {
        if (order.TimeInForce is not (AlpacaTimeInForce.Day or AlpacaTimeInForce.Gtc))
            return SimError.Unprocessable("bracket orders must be DAY or GTC");
        if (order.ExtendedHours) return SimError.Unprocessable("extended hours are not supported for bracket orders");
        if (order.TakeProfit is null || order.StopLoss is null)
            return SimError.Invalid("bracket orders require take_profit and stop_loss");
        if (order.Qty is null) return SimError.Unprocessable("bracket orders require qty");
        var takeProfit = order.TakeProfit.LimitPrice;
        var stop = order.StopLoss.StopPrice;
        var buy = order.Side == AlpacaOrderSide.Buy;
        if (buy ? takeProfit <= stop : takeProfit >= stop)
            return SimError.Unprocessable(buy
                ? "take_profit.limit_price must be > stop_loss.stop_price"
                : "take_profit.limit_price must be < stop_loss.stop_price");
        if ((order.LimitPrice ?? referencePrice) is { } basePrice)
        {
            if (buy && stop > basePrice - 0.01m)
                return SimError.Unprocessable(string.Create(CultureInfo.InvariantCulture, $"stop_loss.stop_price must be <= base_price - 0.01 (base {basePrice})"));
            if (!buy && stop < basePrice + 0.01m)
                return SimError.Unprocessable(string.Create(CultureInfo.InvariantCulture, $"stop_loss.stop_price must be >= base_price + 0.01 (base {basePrice})"));
        }
        return null;
    }

    private static SimError? OcoError(AlpacaNewOrder order)
    {
        if (order.Type != AlpacaOrderType.Limit) return SimError.Unprocessable("oco orders must be limit orders");
        if (order.TakeProfit is null || order.StopLoss is null) return SimError.Invalid("oco orders require take_profit and stop_loss");
        if (order.Qty is null) return SimError.Unprocessable("oco orders require qty");
        return null;
    }

    private static SimError? OtoError(AlpacaNewOrder order)
    {
        if ((order.TakeProfit is null) == (order.StopLoss is null))
            return SimError.Invalid("oto orders require exactly one of take_profit and stop_loss");
        if (order.Qty is null) return SimError.Unprocessable("oto orders require qty");
        return null;
    }
}
