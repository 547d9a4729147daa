using Keel.Core.Domain;

namespace Keel.Core.Trading;

/// <summary>
/// An execution of (part of) an order. <see cref="Price"/> includes slippage; <see cref="Slippage"/>
/// is what the slippage cost in cash on this fill; <see cref="Commission"/> is charged on top.
/// </summary>
public readonly record struct Fill(
    string ClientOrderId,
    string Strategy,
    Symbol Symbol,
    OrderSide Side,
    OrderPurpose Purpose,
    decimal Quantity,
    decimal Price,
    decimal Commission,
    decimal Slippage,
    DateTime Time)
{
    /// <summary>Cash paid (negative) or received (positive), commission included.</summary>
    public decimal CashFlow => DecimalSum.Subtract(Side == OrderSide.Buy ? -(Price * Quantity) : Price * Quantity, Commission);
}
