using Keel.Core.Domain;

namespace Keel.Core.Trading;

/// <summary>What a simulated broker may read of the account to accept or reject an order.</summary>
public interface IAccountView
{
    decimal Cash { get; }

    /// <summary>The account's net quantity in <paramref name="symbol"/> (all strategies together).</summary>
    decimal PositionQuantity(Symbol symbol);
}
