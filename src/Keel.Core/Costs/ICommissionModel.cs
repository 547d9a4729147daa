using Keel.Core.Domain;
using Keel.Core.Trading;

namespace Keel.Core.Costs;

/// <summary>The commission charged on one fill, in account currency.</summary>
public interface ICommissionModel
{
    decimal Calculate(Symbol symbol, OrderSide side, decimal quantity, decimal price);
}

/// <summary>Commissions are charged in whole cents, half a cent rounded up (away from zero).</summary>
internal static class Cents
{
    public static decimal Round(decimal amount) => Math.Round(amount, 2, MidpointRounding.AwayFromZero);
}
