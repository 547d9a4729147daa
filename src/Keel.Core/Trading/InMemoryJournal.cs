namespace Keel.Core.Trading;

/// <summary>The backtest's journal: lists in memory, in the order things happened.</summary>
public sealed class InMemoryJournal : IJournal
{
    private readonly List<Decision> _decisions = [];
    private readonly List<OrderEvent> _orderEvents = [];
    private readonly List<Trade> _trades = [];

    public IReadOnlyList<Decision> Decisions => _decisions;
    public IReadOnlyList<OrderEvent> OrderEvents => _orderEvents;
    public IReadOnlyList<Trade> Trades => _trades;

    public void Record(Decision decision) => _decisions.Add(decision);
    public void Record(OrderEvent orderEvent) => _orderEvents.Add(orderEvent);
    public void Record(Trade trade) => _trades.Add(trade);
}
