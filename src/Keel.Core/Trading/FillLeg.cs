namespace Keel.Core.Trading;

/// <summary>
/// One leg of a round trip (its buys, or its sells): quantity and notional summed in decimal, and their
/// volume-weighted price. A leg of one fill usually averages to that fill's price, and the division that
/// says so is the slowest decimal operation of a fill: when the notional kept every decimal place of price
/// and quantity (no rounding), notional / quantity gives back the price bit for bit, so the price is used.
/// </summary>
internal struct FillLeg
{
    private int _fills;
    private decimal _soleFillPrice; // valid when _fills is 1 and the notional was exact

    public decimal Quantity { get; private set; }
    public decimal Notional { get; private set; }

    /// <summary>A leg restored from its totals (no fills to go by).</summary>
    public static FillLeg Of(decimal quantity, decimal notional) => new() { Quantity = quantity, Notional = notional, _fills = -1 };

    public void Add(decimal quantity, decimal price) => Add(quantity, price, quantity * price);

    /// <summary>Adds a fill whose <paramref name="notional"/> (quantity · price) is known already.</summary>
    public void Add(decimal quantity, decimal price, decimal notional)
    {
        _soleFillPrice = price;
        _fills = _fills == 0 && notional.Scale == price.Scale + quantity.Scale ? 1 : -1; // -1: divide
        Quantity = DecimalSum.Add(Quantity, quantity);
        Notional = DecimalSum.Add(Notional, notional);
    }

    /// <summary>Notional / quantity (the leg must have some quantity).</summary>
    public readonly decimal AveragePrice => _fills == 1 ? _soleFillPrice : Notional / Quantity;
}
