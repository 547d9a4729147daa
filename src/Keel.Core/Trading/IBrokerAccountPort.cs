using Keel.Core.Calendars;

namespace Keel.Core.Trading;

/// <summary>
/// What a paper/live session reads of the broker besides orders (those go through
/// <see cref="ILiveExecutionPort"/>): its clock, trading calendar, account, positions, and an order looked up
/// by client order id when reconciling after a restart. Alpaca's is <c>AlpacaBrokerAccount</c>; a second
/// broker is a second adapter of this interface and of <see cref="ILiveExecutionPort"/>, the session unchanged.
/// Transient failures (rate limits, outages, lost answers) surface as <see cref="BrokerException"/> with
/// <see cref="BrokerException.IsTransient"/> set.
/// </summary>
public interface IBrokerAccountPort
{
    /// <summary>The broker's current time (UTC): the session's clock, so a sim moved by a test moves the session.</summary>
    Task<DateTime> NowAsync(CancellationToken ct = default);

    /// <summary>The broker's trading sessions from <paramref name="from"/> to <paramref name="to"/> (both inclusive; closed days left out).</summary>
    Task<IReadOnlyList<TradingSession>> SessionsAsync(DateOnly from, DateOnly to, CancellationToken ct = default);

    Task<BrokerAccount> AccountAsync(CancellationToken ct = default);

    Task<IReadOnlyList<BrokerPosition>> PositionsAsync(CancellationToken ct = default);

    /// <summary>The order sent under <paramref name="clientOrderId"/>, or null when the broker has none.</summary>
    Task<BrokerOrder?> OrderByClientOrderIdAsync(string clientOrderId, CancellationToken ct = default);

    /// <summary>
    /// The stop loss or take profit the broker holds as a leg of the entry sent under
    /// <paramref name="entryClientOrderId"/> (a broker names such legs itself, so they cannot be found by the
    /// exit's own client order id), or null when the entry has no such leg or its legs were dropped.
    /// </summary>
    Task<BrokerOrder?> BracketLegAsync(string entryClientOrderId, OrderPurpose purpose, CancellationToken ct = default);
}
