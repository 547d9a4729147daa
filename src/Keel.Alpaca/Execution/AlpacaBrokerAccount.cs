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

    private static DateTime ToUtc(DateOnly date, TimeOnly time) =>
        TimeZoneInfo.ConvertTimeToUtc(date.ToDateTime(time, DateTimeKind.Unspecified), NyseCalendar.TimeZone);
}
