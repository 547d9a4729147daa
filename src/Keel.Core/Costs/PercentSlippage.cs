using System.Globalization;
using Keel.Core.Domain;
using Keel.Core.Trading;

namespace Keel.Core.Costs;

/// <summary>Buys fill <c>percent</c>% above the market price, sells the same below it.</summary>
public sealed class PercentSlippage : ISlippageModel
{
    private readonly decimal _fraction;

    public PercentSlippage(decimal percent)
    {
        if (percent < 0 || percent >= 100) throw new ArgumentOutOfRangeException(nameof(percent), percent, "Slippage percent must be in [0, 100).");
        Percent = percent;
        _fraction = percent / 100m;
    }

    public decimal Percent { get; }

    public decimal Apply(decimal price, OrderSide side, decimal quantity, Symbol symbol) =>
        side == OrderSide.Buy ? price * (1 + _fraction) : price * (1 - _fraction);

    public override string ToString() => string.Create(CultureInfo.InvariantCulture, $"percent:{Percent}");
}
