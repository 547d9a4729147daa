namespace Keel.Core.Trading;

/// <summary>
/// Where the kernel records what happens. Order events are recorded before the order is sent
/// (status New), so a crash never leaves an order the journal does not know about.
/// </summary>
public interface IJournal
{
    void Record(Decision decision);
    void Record(OrderEvent orderEvent);
    void Record(Trade trade);
}
