using Keel.Core.Domain;
using Keel.Core.Metrics;
using Keel.Core.Trading;

namespace Keel.Reporting.Tests;

/// <summary>Seeded fake runs for the reporting tests: random-walk curves and made-up trades.</summary>
internal static class SampleData
{
    public static readonly DateTime Start = new(2024, 1, 2, 0, 0, 0, DateTimeKind.Utc);

    public static EquityPoint[] RandomWalk(int seed, int points, double startingEquity = 100_000, double drift = 0.0003, double volatility = 0.01)
    {
        var random = new Random(seed);
        var curve = new EquityPoint[points];
        var equity = startingEquity;
        for (var i = 0; i < points; i++)
        {
            equity *= 1 + drift + (random.NextDouble() - 0.5) * 2 * volatility;
            var inMarket = random.NextDouble() < 0.6;
            var position = inMarket ? equity * 0.9 : 0;
            curve[i] = new EquityPoint(Start.AddDays(i), equity, equity - position, position);
        }
        return curve;
    }

    public static Trade[] Trades(int seed, int count, string strategy, Symbol symbol)
    {
        var random = new Random(seed);
        var trades = new Trade[count];
        for (var i = 0; i < count; i++)
        {
            var entry = Math.Round(100 + (decimal)random.NextDouble() * 10, 2);
            var exit = Math.Round(entry * (0.95m + (decimal)random.NextDouble() * 0.1m), 2);
            trades[i] = new Trade(strategy, symbol, Start.AddDays(i * 3), entry, Start.AddDays(i * 3 + 2), exit,
                10, 1m, 0.5m, "entry", "exit");
        }
        return trades;
    }

    public static ReportRun Run(int seed, string strategy, string symbol, string costs, int points = 500, double drift = 0.0003)
    {
        var curve = RandomWalk(seed, points, drift: drift);
        var sym = Symbol.Parse(symbol);
        var trades = Trades(seed, 40, strategy, sym);
        var metrics = PerformanceCalculator.Compute(curve, trades, 100_000m, (decimal)curve[^1].Equity,
            PeriodsPerYear.For(Timeframe.OneDay, sym.AssetClass), 40m, 20m);
        return new ReportRun($"{strategy} · {symbol} · {costs}", strategy, symbol, costs, metrics, curve);
    }
}
