namespace Keel.Core.Trading;

/// <summary>
/// Where the kernel records what happens. Order events are recorded before the order is sent
/// (status New), so a crash never leaves an order the journal does not know about.
/// </summary>
public interface IJournal
{
    /// <summary>
    /// False when decisions and order events are dropped (a journal that keeps trades only): the kernel
    /// then does not build them, and tells strategies their reasons go unread.
    /// </summary>
    bool KeepsEvents => true;

    void Record(Decision decision);
    void Record(OrderEvent orderEvent);
    void Record(Trade trade);
}
