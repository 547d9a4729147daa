using Keel.Core.Domain;

namespace Keel.Benchmarks;

/// <summary>
/// The reference benchmark series: a seeded geometric Brownian motion of one-minute bars, 24/7
/// (crypto-like, so no calendar gaps), the size used by the performance targets.
/// </summary>
internal static class GbmBars
{
    public static BarSeries Generate(int count, ulong seed = 42)
    {
        var state = seed;
        double NextUniform()
        {
            // SplitMix64: fixed algorithm, so the series never changes between .NET versions.
            state += 0x9E3779B97F4A7C15UL;
            var z = state;
            z = (z ^ (z >> 30)) * 0xBF58476D1CE4E5B9UL;
            z = (z ^ (z >> 27)) * 0x94D049BB133111EBUL;
            return ((z ^ (z >> 31)) >> 11) * (1.0 / (1UL << 53));
        }
        double NextNormal() => Math.Sqrt(-2 * Math.Log(1 - NextUniform())) * Math.Cos(2 * Math.PI * NextUniform());

        var bars = new Bar[count];
        var time = new DateTime(2020, 1, 1, 0, 0, 0, DateTimeKind.Utc);
        var price = 100.0;
        const double sigma = 0.0008; // per-minute volatility
        for (var i = 0; i < count; i++)
        {
            var open = price;
            var close = Math.Round(open * Math.Exp(sigma * NextNormal()), 2);
            var high = Math.Round(Math.Max(open, close) * (1 + 0.0003 * NextUniform()), 2);
            var low = Math.Round(Math.Min(open, close) * (1 - 0.0003 * NextUniform()), 2);
            bars[i] = new Bar(time.AddMinutes(i), Math.Round(open, 2), high, low, close, Math.Round(1000 * NextUniform(), 0));
            price = close;
        }
        return new BarSeries(new Symbol("BTC/USD", AssetClass.Crypto), Timeframe.OneMinute, bars);
    }
}
