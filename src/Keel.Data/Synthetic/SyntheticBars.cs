using Keel.Core.Domain;

namespace Keel.Data.Synthetic;

/// <summary>
/// Deterministic synthetic bars: the same spec and dates give the same bars, bit for bit, on every
/// machine and .NET version (see <see cref="PriceProcess"/> for the model). Equities follow the NYSE
/// calendar, crypto trades around the clock. Synthetic prices are for testing and demos only.
/// </summary>
public static class SyntheticBars
{
    private const double EquityDaysPerYear = 252;
    private const double CryptoDaysPerYear = 365;

    /// <summary>Daily bars from <paramref name="from"/> to <paramref name="to"/> inclusive.</summary>
    public static BarSeries Daily(SyntheticSpec spec, DateOnly from, DateOnly to)
    {
        ArgumentNullException.ThrowIfNull(spec);
        var daysPerYear = spec.Symbol.IsCrypto ? CryptoDaysPerYear : EquityDaysPerYear;
        var process = new PriceProcess(spec, barsPerDay: 1, daysPerYear, meanRegimeBars: 40);
        var bars = BarSchedule.Daily(spec.Symbol.AssetClass, from, to).Select(process.Next);
        return new BarSeries(spec.Symbol, Timeframe.OneDay, [.. bars]);
    }

    /// <summary>One-minute bars from <paramref name="from"/> to <paramref name="to"/> inclusive (regular sessions for equities).</summary>
    public static BarSeries Minute(SyntheticSpec spec, DateOnly from, DateOnly to)
    {
        ArgumentNullException.ThrowIfNull(spec);
        var (barsPerDay, daysPerYear) = spec.Symbol.IsCrypto ? (1440.0, CryptoDaysPerYear) : (390.0, EquityDaysPerYear);
        var process = new PriceProcess(spec, barsPerDay, daysPerYear, meanRegimeBars: 60);
        var bars = BarSchedule.Minute(spec.Symbol.AssetClass, from, to).Select(process.Next);
        return new BarSeries(spec.Symbol, Timeframe.OneMinute, [.. bars]);
    }
}
