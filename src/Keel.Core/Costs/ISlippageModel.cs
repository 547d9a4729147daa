using Keel.Core.Domain;
using Keel.Core.Trading;

namespace Keel.Core.Costs;

/// <summary>Moves a fill price against the trader. One method, so a venue model is a few lines.</summary>
public interface ISlippageModel
{
    /// <summary>The price actually paid (buy) or received (sell) when the market price is <paramref name="price"/>.</summary>
    decimal Apply(decimal price, OrderSide side, decimal quantity, Symbol symbol);
}
