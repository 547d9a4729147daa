using Keel.Alpaca;
using Keel.Core.Calendars;

namespace Keel.Live;

/// <summary>
/// The broker's trading calendar (Alpaca /v2/calendar), fetched a month or so at a time and cached, so
/// holidays and half days are the broker's own. Sessions are returned as UTC instants.
/// </summary>
internal sealed class BrokerCalendar(AlpacaClient client)
{
    private readonly Dictionary<DateOnly, TradingSession> _sessions = [];
    private DateOnly _from = DateOnly.MaxValue, _to = DateOnly.MinValue;

    /// <summary>Makes sure the days from <paramref name="from"/> to <paramref name="to"/> are cached.</summary>
    public async Task EnsureAsync(DateOnly from, DateOnly to, CancellationToken ct)
    {
        if (from >= _from && to <= _to) return;
        var start = from.AddDays(-7);
        var end = to.AddDays(35);
        foreach (var day in await client.GetCalendarAsync(start, end, ct).ConfigureAwait(false))
        {
            var open = ToUtc(day.Date, day.Open);
            var close = ToUtc(day.Date, day.Close);
            _sessions[day.Date] = new TradingSession(day.Date, open, close, day.Close < new TimeOnly(16, 0));
        }
        _from = start < _from ? start : _from;
        _to = end > _to ? end : _to;
    }

    /// <summary>The session on <paramref name="date"/>, or null when the market is closed (call <see cref="EnsureAsync"/> first).</summary>
    public TradingSession? SessionFor(DateOnly date) => _sessions.TryGetValue(date, out var s) ? s : null;

    private static DateTime ToUtc(DateOnly date, TimeOnly time) =>
        TimeZoneInfo.ConvertTimeToUtc(date.ToDateTime(time, DateTimeKind.Unspecified), NyseCalendar.TimeZone);
}
