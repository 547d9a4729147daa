using Keel.Core.Domain;
using Keel.Core.Strategies;
using Keel.Core.Trading;

namespace Keel.Core.Kernel;

/// <summary>One strategy instance on one symbol, with its own position and working orders.</summary>
public sealed class StrategySlot(IStrategy strategy, Symbol symbol, int symbolIndex)
{
    public IStrategy Strategy { get; } = strategy;
    public Symbol Symbol { get; } = symbol;
    public int SymbolIndex { get; } = symbolIndex;
    public StrategyPosition Position { get; } = new(strategy.Name, symbol);

    /// <summary>The client-order-id prefix of this strategy on this symbol, computed once.</summary>
    public string OrderIdPrefix { get; } = ClientOrderIds.Prefix(strategy.Name, symbol);
    public string? PendingEntryId { get; set; }
    public string? PendingExitId { get; set; }
}
