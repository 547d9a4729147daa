namespace Keel.AlpacaSim.Market;

/// <summary>
/// Which days the US equity market trades and its regular hours (Eastern time). The default is the
/// NYSE's (<see cref="NyseSimCalendar"/>); <see cref="WeekdayCalendar"/> trades every weekday 09:30–16:00.
/// </summary>
public interface ISimMarketCalendar
{
    /// <summary>The regular session of <paramref name="date"/>, or null when the market is closed all day.</summary>
    (TimeOnly Open, TimeOnly Close)? RegularSession(DateOnly date);
}

/// <summary>Weekdays 09:30–16:00 Eastern, no holidays.</summary>
public sealed class WeekdayCalendar : ISimMarketCalendar
{
    public (TimeOnly Open, TimeOnly Close)? RegularSession(DateOnly date) =>
        date.DayOfWeek is DayOfWeek.Saturday or DayOfWeek.Sunday ? null : (new TimeOnly(9, 30), new TimeOnly(16, 0));
}
