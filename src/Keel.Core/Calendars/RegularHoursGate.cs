using System.Globalization;
using Keel.Core.Domain;

namespace Keel.Core.Calendars;

/// <summary>
/// No stock orders outside regular hours: an intraday equity bar may trade only when it opens at or
/// after the session's open and closes before the session's close, because the order goes out at the
/// bar's close. Crypto trades around the clock. Bars of a day or longer are decided after the close
/// and their orders wait at the broker for the next open, so this gate lets them through.
/// The sessions come from the NYSE calendar in a backtest and from the broker's calendar live.
/// </summary>
public sealed class RegularHoursGate(Func<DateOnly, TradingSession?> sessionFor, Timeframe timeframe) : IOrderGate
{
    private readonly TimeSpan _barLength = timeframe.Duration;
    private readonly bool _intraday = timeframe.Duration < TimeSpan.FromDays(1);

    public static RegularHoursGate Nyse(Timeframe timeframe) => new(NyseCalendar.SessionFor, timeframe);

    public string? Refusal(Symbol symbol, DateTime barTime)
    {
        if (symbol.IsCrypto || !_intraday) return null;
        var day = NyseCalendar.DateOf(barTime);
        if (sessionFor(day) is not { } session) return string.Create(CultureInfo.InvariantCulture, $"market closed on {day:yyyy-MM-dd}");
        var sendAt = barTime + _barLength;
        if (barTime < session.OpenUtc || sendAt >= session.CloseUtc)
            return string.Create(CultureInfo.InvariantCulture, $"outside regular hours (the order would go out at {sendAt:HH:mm} UTC; session {session.OpenUtc:HH:mm}–{session.CloseUtc:HH:mm} UTC)");
        return null;
    }
}
