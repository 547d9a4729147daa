using Keel.Core.Domain;
using Keel.Core.Strategies;
using Keel.Core.Trading;

namespace Keel.Core.Kernel;

/// <summary>One strategy instance on one symbol, with its own position and working orders.</summary>
public sealed class StrategySlot(IStrategy strategy, Symbol symbol, int symbolIndex)
{
    public IStrategy Strategy { get; } = strategy;

    /// <summary>The strategy's name, read once: every fill looks its slot up by it.</summary>
    internal string StrategyName { get; } = strategy.Name;
    public Symbol Symbol { get; } = symbol;
    public int SymbolIndex { get; } = symbolIndex;
    public StrategyPosition Position { get; } = new(strategy.Name, symbol);

    /// <summary>The strategy as <see cref="IFastForward"/>, or null: looked up once, as a backtest asks after every busy bar.</summary>
    internal IFastForward? FastForward { get; } = strategy as IFastForward;

    /// <summary>The client-order-id prefix of this strategy on this symbol, computed once.</summary>
    public string OrderIdPrefix { get; } = ClientOrderIds.Prefix(strategy.Name, symbol);
    public string? PendingEntryId { get; set; }

    /// <summary>Its strategy threw and is no longer asked (live, see <see cref="TradingKernel.OnStrategyFailure"/>); its position stays as it is.</summary>
    public bool Disabled { get; internal set; }
    public string? PendingExitId { get; set; }

    /// <summary>This slot's orders still working at the broker (entries, exits, the bracket exits it attached); a handful at most.</summary>
    internal List<OrderRequest> WorkingOrders { get; } = [];

    internal bool HasWorkingOrder(string clientOrderId) => IndexOfWorkingOrder(clientOrderId) >= 0;

    /// <summary>Takes the working order <paramref name="clientOrderId"/> off the list; null when it is not there.</summary>
    internal OrderRequest? TakeWorkingOrder(string clientOrderId)
    {
        var i = IndexOfWorkingOrder(clientOrderId);
        if (i < 0) return null;
        var order = WorkingOrders[i];
        WorkingOrders.RemoveAt(i);
        return order;
    }

    private int IndexOfWorkingOrder(string clientOrderId)
    {
        for (var i = 0; i < WorkingOrders.Count; i++)
        {
            if (WorkingOrders[i].ClientOrderId == clientOrderId) return i;
        }
        return -1;
    }
}
