using Keel.Core.Domain;
using Keel.Core.Trading;

namespace Keel.Storage;

/// <summary>
/// A stored open position and how a fill changes it, the same way <see cref="StrategyPosition"/> does:
/// a buy adds to the quantity and to what was bought (the average price is bought notional over bought
/// quantity, so it stays exact across several buys); a sell reduces the quantity and leaves the average
/// price alone. Positions are long-only: when the quantity reaches zero (or a sell finds nothing to
/// reduce) the position is gone.
/// </summary>
internal sealed record PositionRow(
    string Strategy,
    Symbol Symbol,
    decimal Quantity,
    decimal BoughtQuantity,
    decimal BoughtNotional,
    DateTime EntryTime,
    string? EntryOrderId)
{
    public decimal AveragePrice => BoughtQuantity == 0 ? 0 : BoughtNotional / BoughtQuantity;

    /// <summary>The position after <paramref name="fill"/>; null when flat.</summary>
    public static PositionRow? Apply(PositionRow? current, in Fill fill)
    {
        if (fill.Side == OrderSide.Buy)
        {
            if (current is null || current.Quantity <= 0)
                return new PositionRow(fill.Strategy, fill.Symbol, fill.Quantity, fill.Quantity, fill.Quantity * fill.Price, fill.Time, fill.ClientOrderId);
            return current with
            {
                Quantity = current.Quantity + fill.Quantity,
                BoughtQuantity = current.BoughtQuantity + fill.Quantity,
                BoughtNotional = current.BoughtNotional + fill.Quantity * fill.Price,
            };
        }
        if (current is null) return null;
        var left = current.Quantity - fill.Quantity;
        return left > 0 ? current with { Quantity = left } : null;
    }
}
