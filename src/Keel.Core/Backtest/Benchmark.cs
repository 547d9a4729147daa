using System.Globalization;
using Keel.Core.Domain;
using Keel.Core.Risk;

namespace Keel.Core.Backtest;

/// <summary>
/// Buy and hold of the same symbols over the same bars with the same fills and costs: what a strategy
/// must beat to be worth running (as Lean's benchmark and quantstats do). Each symbol gets an equal share
/// of 95% of the starting equity, bought on the first bar traded; no stops or other limits.
/// </summary>
public static class Benchmark
{
    public const decimal InvestedPercent = 95m;

    public static BacktestResult BuyAndHold(BacktestSettings settings, IReadOnlyList<BarSeries> data) =>
        Backtester.Run(For(settings, data.Count), data, [(Func<Strategies.IStrategy>)(() => new BuyAndHoldStrategy())]);

    /// <summary>The same benchmark over streams of the same bars (a streamed portfolio backtest's): the same result.</summary>
    public static BacktestResult BuyAndHold(BacktestSettings settings, IReadOnlyList<MarketData.IBarStream> data) =>
        Backtester.RunStreaming(For(settings, data.Count), data, [(Func<Strategies.IStrategy>)(() => new BuyAndHoldStrategy())]);

    private static BacktestSettings For(BacktestSettings settings, int symbols)
    {
        var share = Math.Round(InvestedPercent / symbols, 6, MidpointRounding.ToZero);
        return settings with
        {
            Risk = new RiskConfig { Sizing = new Sizing(SizingMethod.PercentOfEquity, share) },
            KeepJournal = false,
        };
    }

    /// <summary>The rule in words, for results.</summary>
    public static string Describe(int symbols) => symbols == 1
        ? string.Create(CultureInfo.InvariantCulture, $"buy and hold: {InvestedPercent}% of equity bought on the first bar traded, same fills and costs")
        : string.Create(CultureInfo.InvariantCulture, $"buy and hold: {InvestedPercent}% of equity split equally over {symbols} symbols, bought on the first bar traded, same fills and costs");
}
