using System.Globalization;
using Keel.Core.Domain;
using Keel.Core.Trading;

namespace Keel.Core.Costs;

/// <summary>A percent of the fill's notional (crypto venues), rounded to the cent.</summary>
public sealed class PercentCommission : ICommissionModel
{
    private readonly decimal _fraction;

    public PercentCommission(decimal percent)
    {
        if (percent < 0 || percent >= 100) throw new ArgumentOutOfRangeException(nameof(percent), percent, "Commission percent must be in [0, 100).");
        Percent = percent;
        _fraction = percent / 100m;
    }

    public decimal Percent { get; }
    public decimal Calculate(Symbol symbol, OrderSide side, decimal quantity, decimal price) => Cents.Round(quantity * price * _fraction);
    public override string ToString() => string.Create(CultureInfo.InvariantCulture, $"percent:{Percent}");
}
