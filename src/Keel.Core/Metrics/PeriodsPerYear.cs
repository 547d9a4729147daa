using Keel.Core.Domain;

namespace Keel.Core.Metrics;

/// <summary>
/// How many bars of a timeframe make a year, used to annualise per-bar Sharpe and Sortino ratios.
/// </summary>
/// <remarks>
/// US equities: 252 trading days a year times the bars in one regular session of 6.5 hours
/// (390 minutes): 1Min = 98,280, 5Min = 19,656, 1Hour = 252 × 6.5 = 1,638, 1Day = 252.
/// The session is divided by the bar length as a fraction (6.5 one-hour bars, not 7), so the
/// annualisation reflects trading time rather than the count of partial bars.
/// Crypto trades around the clock: 365 days × 24 h × 60 min divided by the minutes per bar
/// (1Min = 525,600, 1Hour = 8,760, 1Day = 365).
/// Both classes: 1Week = 52 and nMonth = 12 / n.
/// </remarks>
public static class PeriodsPerYear
{
    public const double EquityTradingDays = 252;
    public const double EquitySessionMinutes = 390;
    public const double CryptoDays = 365;
    public const double WeeksPerYear = 52;
    public const double MonthsPerYear = 12;

    public static double For(Timeframe timeframe, AssetClass assetClass)
    {
        if (timeframe.Amount <= 0)
            throw new ArgumentOutOfRangeException(nameof(timeframe), timeframe.Amount, "The timeframe has no length (a default value?).");
        double amount = timeframe.Amount;
        return (timeframe.Unit, assetClass) switch
        {
            (TimeframeUnit.Week, _) => WeeksPerYear / amount,
            (TimeframeUnit.Month, _) => MonthsPerYear / amount,
            (TimeframeUnit.Day, AssetClass.UsEquity) => EquityTradingDays / amount,
            (TimeframeUnit.Hour, AssetClass.UsEquity) => EquityTradingDays * (EquitySessionMinutes / 60) / amount,
            (TimeframeUnit.Minute, AssetClass.UsEquity) => EquityTradingDays * EquitySessionMinutes / amount,
            (TimeframeUnit.Day, AssetClass.Crypto) => CryptoDays / amount,
            (TimeframeUnit.Hour, AssetClass.Crypto) => CryptoDays * 24 / amount,
            (TimeframeUnit.Minute, AssetClass.Crypto) => CryptoDays * 24 * 60 / amount,
            _ => throw new ArgumentOutOfRangeException(nameof(assetClass), $"No annualisation for {timeframe} bars of {assetClass}."),
        };
    }
}
