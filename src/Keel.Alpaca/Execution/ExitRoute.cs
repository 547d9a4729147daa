using Keel.Core.Trading;

namespace Keel.Alpaca.Execution;

/// <summary>
/// How the exits an entry asks for (stop-loss, take-profit, trailing percents) are carried out at Alpaca.
/// The port owns them, as the simulated broker does in a backtest: the kernel hears of each exit by an
/// acceptance and of its end by a fill or a closing, with <see cref="OrderRequest.ParentId"/> = the entry.
/// </summary>
internal enum ExitRoute
{
    /// <summary>The order asks for no exits.</summary>
    None,

    /// <summary>Equity stop-loss and/or take-profit: Alpaca holds them as a bracket (both) or OTO (one) order.</summary>
    Bracket,

    /// <summary>Equity trailing stop alone: a native trailing_stop sell, sent once the entry has filled.</summary>
    TrailingAfterFill,

    /// <summary>
    /// Watched by the port against the latest quote each round and sent at market when reached: crypto
    /// (Alpaca has neither brackets nor stop orders for it), and equities asking for a trailing stop together
    /// with a stop-loss or take-profit (the bracket's legs would hold the shares a trailing stop needs).
    /// </summary>
    Watched,
}

internal static class ExitRouting
{
    public static bool AsksForExits(OrderRequest order) =>
        order.StopLossPercent is not null || order.TakeProfitPercent is not null || order.TrailingStopPercent is not null;

    public static ExitRoute For(OrderRequest order)
    {
        if (!AsksForExits(order)) return ExitRoute.None;
        if (order.Symbol.IsCrypto) return ExitRoute.Watched;
        var bracket = order.StopLossPercent is not null || order.TakeProfitPercent is not null;
        if (order.TrailingStopPercent is null) return ExitRoute.Bracket;
        return bracket ? ExitRoute.Watched : ExitRoute.TrailingAfterFill;
    }

    /// <summary>An exit's client order id, made from its entry's by the exit engine, as in a backtest.</summary>
    public static string ExitId(string entryId, OrderPurpose purpose) => ExitRules.ExitId(entryId, purpose);

    /// <summary>
    /// A sell exit's price on Alpaca's grid for equities (cents from $1, four decimals below), rounded by the
    /// exit engine so that it is reached on the same bars as the backtest's exact price.
    /// </summary>
    public static decimal EquityPrice(OrderType type, decimal price) =>
        ExitRules.OnGrid(type, OrderSide.Sell, price, price >= 1m ? 0.01m : 0.0001m);
}
