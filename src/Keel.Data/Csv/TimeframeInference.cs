using Keel.Core.Domain;

namespace Keel.Data.Csv;

/// <summary>
/// Guesses the bar length from the median spacing of the first bars. The median ignores weekends,
/// holidays, overnight gaps and missing bars as long as most neighbours are one bar apart.
/// </summary>
internal static class TimeframeInference
{
    private const int SampleSize = 100;

    /// <summary>
    /// Whether bars spaced as <paramref name="inferred"/> may still be <paramref name="stated"/> bars: the
    /// same, or thin intraday data (bars missing where nothing traded) whose median gap is longer but where
    /// some neighbours are exactly one stated bar apart. Bars closer than their stated length, or a daily
    /// file called 1Min, are a contradiction.
    /// </summary>
    public static bool Agrees(ReadOnlySpan<Bar> bars, Timeframe inferred, Timeframe stated)
    {
        if (inferred == stated) return true;
        if (!stated.IsIntraday || !inferred.IsIntraday || inferred.Duration < stated.Duration) return false;
        var count = Math.Min(bars.Length, SampleSize * 10);
        var exact = 0;
        for (var i = 1; i < count; i++)
            if (bars[i].Timestamp - bars[i - 1].Timestamp == stated.Duration) exact++;
        return exact * 20 >= count - 1;
    }

    public static bool TryInfer(ReadOnlySpan<Bar> bars, out Timeframe timeframe, out string error)
    {
        timeframe = default;
        if (bars.Length < 2)
        {
            error = "cannot infer the timeframe from fewer than two bars; set BarCsvOptions.Timeframe";
            return false;
        }
        var count = Math.Min(bars.Length, SampleSize);
        var gaps = new long[count - 1];
        for (var i = 1; i < count; i++) gaps[i - 1] = bars[i].Timestamp.Ticks - bars[i - 1].Timestamp.Ticks;
        Array.Sort(gaps);
        var median = TimeSpan.FromTicks(gaps[gaps.Length / 2]);

        Timeframe? guess = median switch
        {
            { TotalMinutes: < 60 } when median.Ticks % TimeSpan.TicksPerMinute == 0 => new Timeframe((int)median.TotalMinutes, TimeframeUnit.Minute),
            { TotalHours: < 20 } when median.Ticks % TimeSpan.TicksPerHour == 0 => new Timeframe((int)median.TotalHours, TimeframeUnit.Hour),
            { TotalHours: >= 20, TotalDays: <= 4 } => Timeframe.OneDay, // 23 and 25 hours happen across daylight-saving changes
            { TotalDays: >= 5 and <= 9 } => new Timeframe(1, TimeframeUnit.Week),
            { TotalDays: >= 27 and <= 32 } => new Timeframe(1, TimeframeUnit.Month),
            _ => null,
        };
        if (guess is null)
        {
            error = $"cannot infer the timeframe: the median spacing of the first {count} bars is {median}, "
                    + "which is not a whole number of minutes or hours, nor about a day, a week or a month; set BarCsvOptions.Timeframe";
            return false;
        }
        timeframe = guess.Value;
        error = "";
        return true;
    }
}
