using Keel.Alpaca.Models;
using Keel.Core.Calendars;
using Keel.Core.Trading;

namespace Keel.Alpaca.Execution;

/// <summary>
/// The session's view of the Alpaca account (<see cref="IBrokerAccountPort"/>): /v2/clock, /v2/calendar,
/// /v2/account, /v2/positions and an order by client_order_id, turned into Core's types. Calendar days come
/// as New York wall-clock open and close; they are returned as UTC instants.
/// </summary>
public sealed class AlpacaBrokerAccount(AlpacaClient client) : IBrokerAccountPort
{
    public async Task<DateTime> NowAsync(CancellationToken ct = default) =>
        (await client.GetClockAsync(ct).ConfigureAwait(false)).Timestamp.UtcDateTime;

    public async Task<IReadOnlyList<TradingSession>> SessionsAsync(DateOnly from, DateOnly to, CancellationToken ct = default)
    {
        var days = await client.GetCalendarAsync(from, to, ct).ConfigureAwait(false);
        return days.Select(d => new TradingSession(d.Date, ToUtc(d.Date, d.Open), ToUtc(d.Date, d.Close), d.Close < new TimeOnly(16, 0))).ToList();
    }

    public async Task<BrokerAccount> AccountAsync(CancellationToken ct = default)
    {
        var account = await client.GetAccountAsync(ct).ConfigureAwait(false);
        return new BrokerAccount(account.Cash, account.Equity);
    }

    public async Task<IReadOnlyList<BrokerPosition>> PositionsAsync(CancellationToken ct = default) =>
        (await client.ListPositionsAsync(ct).ConfigureAwait(false)).Select(p => new BrokerPosition(p.Symbol, p.Qty, p.CurrentPrice)).ToList();

    public async Task<BrokerOrder?> OrderByClientOrderIdAsync(string clientOrderId, CancellationToken ct = default) =>
        await client.GetOrderByClientOrderIdAsync(clientOrderId, ct).ConfigureAwait(false) is { } order
            ? new BrokerOrder(order.Id, Json.AlpacaEnumConverter<Models.AlpacaOrderStatus>.Name(order.Status), order.FilledQty)
            : null;

    /// <summary>
    /// The entry's leg of that kind (a stop loss is the stop or stop-limit leg, a take profit the limit leg).
    /// An entry that ended part-filled had its held legs dropped (the port watches those exits itself): null.
    /// </summary>
    public async Task<BrokerOrder?> BracketLegAsync(string entryClientOrderId, OrderPurpose purpose, CancellationToken ct = default)
    {
        if (purpose is not (OrderPurpose.StopLoss or OrderPurpose.TakeProfit)) return null;
        if (await client.GetOrderByClientOrderIdAsync(entryClientOrderId, ct).ConfigureAwait(false) is not { } entry
            || entry.OrderClass is not (AlpacaOrderClass.Bracket or AlpacaOrderClass.Oto)
            || (entry.IsFinal && entry.Status != AlpacaOrderStatus.Filled))
            return null;
        var legs = (await client.GetOrderAsync(entry.Id, nested: true, ct).ConfigureAwait(false)).Legs ?? [];
        var leg = legs.FirstOrDefault(l => purpose == OrderPurpose.TakeProfit
            ? l.Type == AlpacaOrderType.Limit
            : l.Type is AlpacaOrderType.Stop or AlpacaOrderType.StopLimit);
        return leg is null ? null : new BrokerOrder(leg.Id, Json.AlpacaEnumConverter<AlpacaOrderStatus>.Name(leg.Status), leg.FilledQty);
    }

    private static DateTime ToUtc(DateOnly date, TimeOnly time) =>
        TimeZoneInfo.ConvertTimeToUtc(date.ToDateTime(time, DateTimeKind.Unspecified), NyseCalendar.TimeZone);
}
