using System.Globalization;
using Keel.Core.Domain;
using Keel.Core.Trading;

namespace Keel.Core.Costs;

/// <summary>A flat fee for every fill (a partially filled order pays per fill, as most brokers charge per execution report).</summary>
public sealed class PerOrderCommission : ICommissionModel
{
    public PerOrderCommission(decimal amount)
    {
        if (amount < 0) throw new ArgumentOutOfRangeException(nameof(amount), amount, "A commission must not be negative.");
        Amount = amount;
    }

    public decimal Amount { get; }
    public decimal Calculate(Symbol symbol, OrderSide side, decimal quantity, decimal price) => Amount;
    public override string ToString() => string.Create(CultureInfo.InvariantCulture, $"per-order:{Amount}");
}
