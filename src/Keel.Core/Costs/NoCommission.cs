using Keel.Core.Domain;
using Keel.Core.Trading;

namespace Keel.Core.Costs;

public sealed class NoCommission : ICommissionModel
{
    public static NoCommission Instance { get; } = new();
    public decimal Calculate(Symbol symbol, OrderSide side, decimal quantity, decimal price) => 0m;
    public override string ToString() => "none";
}
