using Keel.Core.Calendars;
using Keel.Core.Domain;

namespace Keel.Data.Synthetic;

/// <summary>One bar to generate: its open time, whether it opens a session after a break (so an
/// overnight gap precedes it) and its share of volume relative to an average bar.</summary>
internal readonly record struct BarSlot(DateTime OpenUtc, bool OpensSession, double VolumeWeight);

/// <summary>When bars exist: NYSE trading days and sessions for equities, every day and minute for crypto.</summary>
internal static class BarSchedule
{
    /// <summary>Daily bars stamped at midnight in the market's zone (New York for equities, UTC for crypto), as Alpaca does.</summary>
    public static IEnumerable<BarSlot> Daily(AssetClass assetClass, DateOnly from, DateOnly to)
    {
        if (assetClass == AssetClass.Crypto)
        {
            for (var day = from; day <= to; day = day.AddDays(1))
                yield return new BarSlot(day.ToDateTime(TimeOnly.MinValue, DateTimeKind.Utc), false, 1);
            yield break;
        }
        foreach (var day in NyseCalendar.TradingDays(from, to))
        {
            var midnight = TimeZoneInfo.ConvertTimeToUtc(day.ToDateTime(TimeOnly.MinValue), NyseCalendar.TimeZone);
            yield return new BarSlot(midnight, false, 1);
        }
    }

    /// <summary>
    /// One-minute bars: 09:30–15:59 New York on trading days (to 12:59 on half days) for equities,
    /// every minute of every day in UTC for crypto.
    /// </summary>
    public static IEnumerable<BarSlot> Minute(AssetClass assetClass, DateOnly from, DateOnly to)
    {
        for (var day = from; day <= to; day = day.AddDays(1))
        {
            DateTime open, close;
            if (assetClass == AssetClass.Crypto)
            {
                open = day.ToDateTime(TimeOnly.MinValue, DateTimeKind.Utc);
                close = open.AddDays(1);
            }
            else if (NyseCalendar.SessionFor(day) is { } session)
            {
                (open, close) = (session.OpenUtc, session.CloseUtc);
            }
            else
            {
                continue;
            }
            var minutes = (int)(close - open).TotalMinutes;
            var isEquity = assetClass != AssetClass.Crypto;
            for (var m = 0; m < minutes; m++)
                yield return new BarSlot(open.AddMinutes(m), isEquity && m == 0, isEquity ? SessionVolumeProfile((m + 0.5) / minutes) : 1);
        }
    }

    /// <summary>Equity volume is U-shaped over a session: heavy at the open and close, light at midday. Averages 1.</summary>
    private static double SessionVolumeProfile(double progress)
    {
        var fromMiddle = 2 * progress - 1;
        return (1 + 2 * fromMiddle * fromMiddle) / (5.0 / 3.0);
    }
}
