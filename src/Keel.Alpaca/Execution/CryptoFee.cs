using Keel.Core.Trading;

namespace Keel.Alpaca.Execution;

/// <summary>
/// Alpaca's crypto fee as the kernel's ledger must see it. Alpaca takes it from what a trade brings in: a
/// buy of q receives q less the fee in coin (the order still says filled q), a sell receives its dollars
/// less the fee. Reported as a fill of the quantity actually received plus the fee in dollars as the
/// commission, so cash and position in the ledger match the account's.
/// </summary>
internal static class CryptoFee
{
    /// <summary>
    /// The fill the kernel should see for an execution that took the order's filled quantity from
    /// <paramref name="filledBefore"/> by <paramref name="quantity"/> at <paramref name="price"/>. The coin fee
    /// is counted on the cumulative quantity and rounded to 9 decimals, as Alpaca's quantities are, so an
    /// order's fees add up to the fee of the whole however its executions are grouped.
    /// </summary>
    public static (decimal Quantity, decimal Commission) Apply(OrderSide side, decimal filledBefore, decimal quantity, decimal price, decimal rate)
    {
        if (rate == 0) return (quantity, 0m);
        if (side == OrderSide.Sell) return (quantity, quantity * price * rate);
        var coin = Round((filledBefore + quantity) * rate) - Round(filledBefore * rate);
        return (quantity - coin, coin * price);
    }

    private static decimal Round(decimal value) => Math.Round(value, 9, MidpointRounding.AwayFromZero);
}
