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
/// FX trades 24 hours, 5 days a week: 260 days × 24 h (1Day = 260, 1Hour = 6,240).
/// Futures trade about 23 hours on each of 252 trading days (CME Globex): 1Day = 252, 1Hour = 5,796.
/// Every class: 1Week = 52 and nMonth = 12 / n.
/// </remarks>
public static class PeriodsPerYear
{
    public const double EquityTradingDays = 252;
    public const double EquitySessionMinutes = 390;
    public const double CryptoDays = 365;
    public const double WeeksPerYear = 52;
    public const double MonthsPerYear = 12;
    public const double FxTradingDays = 260;
    public const double FuturesSessionHours = 23;

    /// <summary>
    /// The class whose year annualises a backtest of <paramref name="symbols"/>, and why: their own when
    /// they share one; mixed, the class with the shortest trading year among them (equity, then futures,
    /// then FX), since the merged curve's bars follow every market but only the slowest's are all full.
    /// </summary>
    public static (AssetClass AssetClass, string Rule) ClassFor(IEnumerable<Symbol> symbols)
    {
        var classes = symbols.Select(s => s.AssetClass).Distinct().ToList();
        if (classes.Count == 1) return (classes[0], "the symbols' asset class");
        var chosen = new[] { AssetClass.UsEquity, AssetClass.Future, AssetClass.Fx, AssetClass.Crypto }.First(classes.Contains);
        return (chosen, $"mixed asset classes ({string.Join(", ", classes.Select(AssetClassText.Name))}): {AssetClassText.Name(chosen)}'s year used");
    }

    /// <summary>How <see cref="For"/> counts, in words (for results).</summary>
    public static string Describe(Timeframe timeframe, AssetClass assetClass) => (timeframe.Unit, assetClass) switch
    {
        (TimeframeUnit.Week, _) => "52 weeks a year",
        (TimeframeUnit.Month, _) => "12 months a year",
        (_, AssetClass.UsEquity) => $"252 trading days × {(timeframe.Unit == TimeframeUnit.Day ? "1 bar" : "6.5 h session")} ({timeframe} bars)",
        (_, AssetClass.Crypto) => $"365 days × 24 h ({timeframe} bars)",
        (_, AssetClass.Fx) => $"260 days × 24 h ({timeframe} bars)",
        _ => $"252 days × 23 h ({timeframe} bars)",
    };

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
            (TimeframeUnit.Day, AssetClass.Fx) => FxTradingDays / amount,
            (TimeframeUnit.Hour, AssetClass.Fx) => FxTradingDays * 24 / amount,
            (TimeframeUnit.Minute, AssetClass.Fx) => FxTradingDays * 24 * 60 / amount,
            (TimeframeUnit.Day, AssetClass.Future) => EquityTradingDays / amount,
            (TimeframeUnit.Hour, AssetClass.Future) => EquityTradingDays * FuturesSessionHours / amount,
            (TimeframeUnit.Minute, AssetClass.Future) => EquityTradingDays * FuturesSessionHours * 60 / amount,
            _ => throw new ArgumentOutOfRangeException(nameof(assetClass), $"No annualisation for {timeframe} bars of {assetClass}."),
        };
    }
}
