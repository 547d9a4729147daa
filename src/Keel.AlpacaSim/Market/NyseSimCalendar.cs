using Keel.Core.Calendars;

namespace Keel.AlpacaSim.Market;

/// <summary>
/// The sim's default calendar: the NYSE's holidays and 13:00 early closes, read from the backtester's own
/// <see cref="NyseCalendar"/> so the sim, the paper service and a backtest agree on every session.
/// </summary>
public sealed class NyseSimCalendar : ISimMarketCalendar
{
    public (TimeOnly Open, TimeOnly Close)? RegularSession(DateOnly date) =>
        NyseCalendar.SessionFor(date) is { } session ? (Eastern(session.OpenUtc), Eastern(session.CloseUtc)) : null;

    private static TimeOnly Eastern(DateTime utc) => TimeOnly.FromDateTime(TimeZoneInfo.ConvertTimeFromUtc(utc, NyseCalendar.TimeZone));
}
