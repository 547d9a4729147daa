using Keel.Core.Domain;

namespace Keel.Core.Trading;

/// <summary>
/// An execution port at a real broker, as the paper/live session drives it: orders go out and news comes
/// back when the session polls, on the session's thread; after a restart the port takes over the orders
/// and watched exits the store still holds. Alpaca's is <c>AlpacaExecutionPort</c>; a second broker is a
/// second adapter of this interface, the session unchanged.
/// </summary>
public interface ILiveExecutionPort : IExecutionPort
{
    /// <summary>Where the port reports acceptances, fills and ends (the kernel).</summary>
    void Attach(IExecutionListener listener);

    /// <summary>
    /// A bar has completed, before the strategies see it: exits the port keeps itself are held against the
    /// bar's range in the next poll, as the simulated broker holds its orders against each bar in a backtest.
    /// </summary>
    void OnBar(Symbol symbol, in Bar bar);

    /// <summary>Sends what was queued, looks at the orders still working and the exits it watches.</summary>
    Task PollOnceAsync(CancellationToken ct = default);

    /// <summary>Hands what happened since the last call to the listener, on the caller's thread; returns how many events.</summary>
    int DispatchEvents();

    /// <summary>Orders and exits still working (the session settles a bar until none are, or its time is up).</summary>
    int WorkingCount { get; }

    /// <summary>
    /// Takes over an order sent before a restart (<paramref name="brokerOrderId"/> when known): reports only
    /// what goes beyond the <paramref name="recorded"/> fills; its id is never sent again.
    /// </summary>
    void Adopt(OrderRequest order, string? brokerOrderId, bool acceptanceRecorded, IReadOnlyList<Fill> recorded);

    /// <summary>Watches again an exit the port kept itself before a restart; false when it is none of those.</summary>
    bool ResumeWatchedExit(OrderRequest exit);
}
