using System.Globalization;
using Keel.Core.Domain;
using Keel.Core.Trading;

namespace Keel.Core.Costs;

/// <summary>A rate per share (e.g. $0.005), rounded to the cent.</summary>
public sealed class PerShareCommission : ICommissionModel
{
    public PerShareCommission(decimal rate)
    {
        if (rate < 0) throw new ArgumentOutOfRangeException(nameof(rate), rate, "A commission must not be negative.");
        Rate = rate;
    }

    public decimal Rate { get; }
    public decimal Calculate(Symbol symbol, OrderSide side, decimal quantity, decimal price) => Cents.Round(quantity * Rate);
    public override string ToString() => string.Create(CultureInfo.InvariantCulture, $"per-share:{Rate}");
}
