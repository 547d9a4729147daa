namespace Keel.Core.Trading;

/// <summary>
/// The exit engine's rules, one copy for every venue: the simulated broker (against bars), the Alpaca
/// port's watched exits (against the bid; a quote is a bar whose high and low are the bid) and the sim's
/// order engine (<c>keel sim</c>'s stop, limit and trailing-stop orders, against the bid or ask) apply these,
/// so a bracket or trailing stop triggers, prices and is named the same in a backtest and in paper/live.
/// Static and allocation-free: the backtest calls them on every bar that has a working exit.
/// </summary>
public static class ExitRules
{
    /// <summary>An exit's client order id, made from its entry's: the kernel's ids end in a purpose letter
    /// (<c>-E</c>), which becomes S (stop loss), T (take profit) or R (trailing stop); any other id gets
    /// <c>-S</c>, <c>-T</c> or <c>-R</c> appended.</summary>
    public static string ExitId(string entryId, OrderPurpose purpose)
    {
        var letter = purpose switch { OrderPurpose.StopLoss => 'S', OrderPurpose.TakeProfit => 'T', _ => 'R' };
        return entryId.EndsWith("-E", StringComparison.Ordinal) ? string.Concat(entryId.AsSpan(0, entryId.Length - 1), new ReadOnlySpan<char>(in letter)) : $"{entryId}-{letter}";
    }

    /// <summary>Whether <paramref name="order"/> is an exit of its entry (<see cref="OrderRequest.ParentId"/>) under the id <see cref="ExitId"/> gives it.</summary>
    public static bool IsNamedExit(OrderRequest order) =>
        order.ParentId is { } entry && order.Purpose is OrderPurpose.StopLoss or OrderPurpose.TakeProfit or OrderPurpose.TrailingStop
        && order.ClientOrderId == ExitId(entry, order.Purpose);

    /// <summary>The stop of a stop loss <paramref name="percent"/>% under the entry's price.</summary>
    public static decimal StopLossPrice(decimal entryPrice, decimal percent) => entryPrice * (1 - percent / 100m);

    /// <summary>The limit of a take profit <paramref name="percent"/>% over the entry's price.</summary>
    public static decimal TakeProfitPrice(decimal entryPrice, decimal percent) => entryPrice * (1 + percent / 100m);

    /// <summary>A trailing stop's stop: <paramref name="percent"/>% under the highest price since the entry.</summary>
    public static decimal TrailingStopPrice(decimal highWater, decimal percent) => highWater * (1 - percent / 100m);

    /// <summary>A trailing stop of either side: a sell trails <paramref name="percent"/>% under the highest price
    /// since it was placed, a buy (covering a short) as far over the lowest.</summary>
    public static decimal TrailingStopPrice(OrderSide side, decimal waterMark, decimal percent) =>
        side == OrderSide.Sell ? TrailingStopPrice(waterMark, percent) : waterMark * (1 + percent / 100m);

    /// <summary>A trailing stop's new water mark after <paramref name="price"/>: the highest for a sell, the lowest for a buy.</summary>
    public static decimal WaterMark(OrderSide side, decimal? waterMark, decimal price) => waterMark is not { } mark ? price
        : side == OrderSide.Sell ? Math.Max(mark, price) : Math.Min(mark, price);

    /// <summary>Whether a price range (a bar's low to high; a quote's bid twice) reaches an order's trigger.</summary>
    public static bool Reaches(OrderType type, OrderSide side, decimal trigger, decimal high, decimal low) => (type, side) switch
    {
        (OrderType.Stop, OrderSide.Sell) => low <= trigger,
        (OrderType.Stop, OrderSide.Buy) => high >= trigger,
        (OrderType.Limit, OrderSide.Sell) => high >= trigger,
        _ => low <= trigger, // buy limit
    };

    /// <summary>The trigger price, or the open when the range opened beyond it.</summary>
    public static decimal FillPrice(OrderType type, OrderSide side, decimal trigger, decimal open) => (type, side) switch
    {
        (OrderType.Stop, OrderSide.Sell) => Math.Min(trigger, open),
        (OrderType.Stop, OrderSide.Buy) => Math.Max(trigger, open),
        (OrderType.Limit, OrderSide.Sell) => Math.Max(trigger, open),
        _ => Math.Min(trigger, open),
    };

    /// <summary>
    /// An exit's price put on a venue's price grid (steps of <paramref name="tick"/>) on the side where it
    /// triggers no sooner than the exact price: a sell stop or buy limit rounds down, a sell limit or buy stop
    /// up. On prices of that grid the rounded order is then reached by exactly the bars the exact one is.
    /// </summary>
    public static decimal OnGrid(OrderType type, OrderSide side, decimal price, decimal tick)
    {
        var steps = price / tick;
        var down = (type, side) is (OrderType.Stop, OrderSide.Sell) or (OrderType.Limit, OrderSide.Buy);
        return (down ? decimal.Floor(steps) : decimal.Ceiling(steps)) * tick;
    }

    /// <summary>Which of an entry's exits reached at once fills: stops first (a bar or quote that reaches
    /// both the stop and the take profit does not say which came first, so the worse outcome is assumed).</summary>
    public static int Rank(OrderType type) => type == OrderType.Stop ? 0 : 1;
}
