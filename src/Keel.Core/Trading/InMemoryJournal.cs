using Keel.Core.Metrics;

namespace Keel.Core.Trading;

/// <summary>
/// The backtest's journal: lists in memory, in the order things happened. With <c>tradesOnly</c> it
/// keeps just the closed trades (what metrics need): a sweep runs thousands of backtests whose decisions
/// and order events nobody reads, and keeping them is most of their cost. With <c>keepTrades</c> off it
/// keeps not even those, only their statistics, folded in as each trade closes.
/// </summary>
public sealed class InMemoryJournal(bool tradesOnly = false, bool keepTrades = true) : IJournal
{
    private readonly List<Decision> _decisions = [];
    private readonly List<OrderEvent> _orderEvents = [];
    private readonly List<Trade> _trades = [];

    public IReadOnlyList<Decision> Decisions => _decisions;
    public IReadOnlyList<OrderEvent> OrderEvents => _orderEvents;
    public IReadOnlyList<Trade> Trades => _trades;

    /// <summary>The statistics of every trade recorded, kept or not.</summary>
    internal TradeStatistics TradeStatistics { get; private set; }

    public bool KeepsEvents => !tradesOnly;

    public void Record(Decision decision)
    {
        if (!tradesOnly) _decisions.Add(decision);
    }

    public void Record(OrderEvent orderEvent)
    {
        if (!tradesOnly) _orderEvents.Add(orderEvent);
    }

    public void Record(Trade trade)
    {
        TradeStatistics = TradeStatistics.Add(trade);
        if (keepTrades) _trades.Add(trade);
    }
}
