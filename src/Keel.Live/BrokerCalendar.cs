using Keel.Core.Calendars;
using Keel.Core.Trading;

namespace Keel.Live;

/// <summary>
/// The broker's trading calendar (<see cref="IBrokerAccountPort.SessionsAsync"/>), fetched a month or so at a
/// time and cached, so holidays and half days are the broker's own.
/// </summary>
internal sealed class BrokerCalendar(IBrokerAccountPort broker)
{
    private readonly Dictionary<DateOnly, TradingSession> _sessions = [];
    private DateOnly _from = DateOnly.MaxValue, _to = DateOnly.MinValue;

    /// <summary>Makes sure the days from <paramref name="from"/> to <paramref name="to"/> are cached.</summary>
    public async Task EnsureAsync(DateOnly from, DateOnly to, CancellationToken ct)
    {
        if (from >= _from && to <= _to) return;
        var start = from.AddDays(-7);
        var end = to.AddDays(35);
        foreach (var session in await broker.SessionsAsync(start, end, ct).ConfigureAwait(false)) _sessions[session.Date] = session;
        _from = start < _from ? start : _from;
        _to = end > _to ? end : _to;
    }

    /// <summary>The session on <paramref name="date"/>, or null when the market is closed (call <see cref="EnsureAsync"/> first).</summary>
    public TradingSession? SessionFor(DateOnly date) => _sessions.TryGetValue(date, out var s) ? s : null;
}
