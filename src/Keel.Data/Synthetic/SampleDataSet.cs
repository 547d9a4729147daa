using Keel.Core.Domain;
using Keel.Data.Store;

namespace Keel.Data.Synthetic;

/// <summary>
/// The sample data committed with Keel (and rewritten by <c>keel sample</c>): SYNTHETIC bars for SPY,
/// AAPL, MSFT and BTC/USD in a <see cref="LocalBarStore"/>. Ten years of daily bars for all four, and
/// a few weeks of one-minute bars for SPY, AAPL and BTC/USD. Every series has its own fixed seed, so
/// the files are the same byte for byte every time they are written.
/// </summary>
public static class SampleDataSet
{
    public static readonly DateOnly DailyFrom = new(2015, 1, 2);
    public static readonly DateOnly DailyTo = new(2024, 12, 31);
    public static readonly DateOnly MinuteFrom = new(2024, 12, 2);
    public static readonly DateOnly MinuteTo = new(2024, 12, 20);
    /// <summary>Crypto trades 1440 minutes a day, so one week keeps its minute file near 1 MB.</summary>
    public static readonly DateOnly CryptoMinuteFrom = new(2024, 12, 14);

    private static readonly SyntheticSpec Spy = new(Symbol.Parse("SPY"), Seed: 0x5350_5901, StartPrice: 200, AnnualVolatility: 0.16)
    {
        AnnualDrift = 0.08, DailyVolume = 80_000_000,
    };

    private static readonly SyntheticSpec Aapl = new(Symbol.Parse("AAPL"), Seed: 0x4141_504C, StartPrice: 110, AnnualVolatility: 0.28)
    {
        AnnualDrift = 0.12, DailyVolume = 50_000_000,
    };

    private static readonly SyntheticSpec Msft = new(Symbol.Parse("MSFT"), Seed: 0x4D53_4654, StartPrice: 45, AnnualVolatility: 0.25)
    {
        AnnualDrift = 0.14, DailyVolume = 25_000_000,
    };

    private static readonly SyntheticSpec Btc = new(Symbol.Parse("BTC/USD"), Seed: 0x4254_4355, StartPrice: 300, AnnualVolatility: 0.75)
    {
        AnnualDrift = 0.35, DailyVolume = 20_000, VolumeDecimals = 4,
    };

    /// <summary>Writes the sample into a bar store at <paramref name="root"/> (created if needed), with a README saying what it is.</summary>
    public static void Write(string root)
    {
        var store = new LocalBarStore(root);
        foreach (var spec in new[] { Spy, Aapl, Msft, Btc })
        {
            var daily = SyntheticBars.Daily(spec, DailyFrom, DailyTo);
            store.Save(daily);
            if (spec == Msft) continue;

            // The minute bars start from the daily close before their first day, so the two agree on the
            // price level, but they come from their own seed and do not add up to the daily bars.
            var minuteFrom = spec.Symbol.IsCrypto ? CryptoMinuteFrom : MinuteFrom;
            var minuteSpec = spec with { Seed = spec.Seed ^ 0x6D69_6E75_7465UL, StartPrice = CloseBefore(daily, minuteFrom) };
            store.Save(SyntheticBars.Minute(minuteSpec, minuteFrom, MinuteTo));
        }
        File.WriteAllText(Path.Combine(root, "README.md"), Readme.ReplaceLineEndings("\n") + "\n");
    }

    private static double CloseBefore(BarSeries daily, DateOnly day)
    {
        var before = day.ToDateTime(TimeOnly.MinValue, DateTimeKind.Utc);
        var close = daily[0].Close;
        foreach (ref readonly var bar in daily.Span)
        {
            if (bar.Timestamp >= before) break;
            close = bar.Close;
        }
        return close;
    }

    private const string Readme =
        """
        # Sample bars — SYNTHETIC, NOT REAL PRICES

        Every file here is made-up data produced by Keel's seeded generator (`keel sample`, which calls
        `SampleDataSet.Write`). The prices are not real market prices and must not be used to judge any
        strategy's real-world performance. They exist so that examples, tests and demos run offline.

        - Layout: `{timeframe}/{symbol}.csv` (Keel canonical CSV: `timestamp,open,high,low,close,volume`,
          timestamps in UTC, each the bar's open time).
        - `1Day/`: SPY, AAPL, MSFT (NYSE trading days, stamped at midnight New York time) and BTC-USD
          (every day, midnight UTC), 2015-01-02 .. 2024-12-31.
        - `1Min/`: SPY and AAPL regular sessions 09:30–15:59 New York, 2024-12-02 .. 2024-12-20;
          BTC-USD every minute, 2024-12-14 .. 2024-12-20.
        - Model: regime-switching log returns (trending up, trending down, mean-reverting) with GARCH(1,1)
          volatility clustering; each bar opens near the previous close, and its high and low are the
          extremes of a random path between open and close; prices rounded to cents.
        - Deterministic: each series has a fixed seed, so regenerating gives the same bytes.
        """;
}
