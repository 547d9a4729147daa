using System.Globalization;
using Keel.Core.Domain;
using Keel.Core.Trading;

namespace Keel.Core.Costs;

/// <summary>
/// A fee per round trip (e.g. $5 for a stock buy-then-sell), charged half on the entry and half on
/// the exit, so a completed trip pays exactly the amount and an open one has paid half.
/// </summary>
public sealed class RoundTripCommission : ICommissionModel
{
    public RoundTripCommission(decimal amount)
    {
        if (amount < 0) throw new ArgumentOutOfRangeException(nameof(amount), amount, "A commission must not be negative.");
        Amount = amount;
    }

    public decimal Amount { get; }
    public decimal Calculate(Symbol symbol, OrderSide side, decimal quantity, decimal price) => Amount / 2;
    public override string ToString() => string.Create(CultureInfo.InvariantCulture, $"round-trip:{Amount}");
}
