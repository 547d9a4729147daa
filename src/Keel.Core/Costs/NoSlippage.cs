using Keel.Core.Domain;
using Keel.Core.Trading;

namespace Keel.Core.Costs;

public sealed class NoSlippage : ISlippageModel
{
    public static NoSlippage Instance { get; } = new();
    public decimal Apply(decimal price, OrderSide side, decimal quantity, Symbol symbol) => price;
    public override string ToString() => "none";
}
