using Keel.Core.Domain;
using Keel.Core.Trading;

namespace Keel.Core.Backtest;

/// <summary>
/// A strategy's position held when a backtest begins (a drift replay of a period that starts with positions
/// open): put on its slot as a restart would, with no cash moved (the starting cash is what was left beside it).
/// </summary>
public sealed record StartingPosition(string Strategy, Symbol Symbol, decimal Quantity, decimal AveragePrice, DateTime EntryTime)
{
    /// <summary>Its price when the run begins (the last close before it): what it counts for in the starting equity. The average price when unset.</summary>
    public decimal? Mark { get; init; }

    public decimal Value => Quantity * (Mark ?? AveragePrice);

    /// <summary>
    /// The positions the orders decided before <paramref name="before"/> left open: each (strategy, symbol)'s fills
    /// netted in order; the average price and entry time of what is held since it was last flat.
    /// </summary>
    public static IReadOnlyList<StartingPosition> Before(IEnumerable<(OrderRequest Order, Fill Fill)> fills, DateTime before)
    {
        var open = new Dictionary<(string, Symbol), (decimal Quantity, decimal Cost, DateTime Entry)>();
        foreach (var (order, fill) in fills.Where(f => f.Order.CreatedAt < before).OrderBy(f => f.Fill.Time))
        {
            var key = (fill.Strategy, fill.Symbol);
            var (quantity, cost, entry) = open.GetValueOrDefault(key);
            if (fill.Side == OrderSide.Buy) open[key] = (quantity + fill.Quantity, cost + fill.Quantity * fill.Price, quantity == 0 ? fill.Time : entry);
            else
            {
                var left = quantity - fill.Quantity;
                open[key] = left <= 0 ? default : (left, quantity == 0 ? 0 : cost * left / quantity, entry);
            }
        }
        return [.. open.Where(p => p.Value.Quantity > 0)
            .OrderBy(p => p.Key.Item1, StringComparer.Ordinal).ThenBy(p => p.Key.Item2.Ticker, StringComparer.Ordinal)
            .Select(p => new StartingPosition(p.Key.Item1, p.Key.Item2, p.Value.Quantity, p.Value.Cost / p.Value.Quantity, p.Value.Entry))];
    }
}
