using Keel.Core.Trading;

namespace Keel.Core.Degradation;

/// <summary>
/// What a backtest of the same strategies, parameters and risk settings expects of one strategy, from the
/// history before its version went live: every trade's net return (percent of its entry notional). Stored
/// once per version when the session starts, so the live record is always held against the same yardstick.
/// </summary>
/// <param name="LiveFrom">When this version started trading (its first session start); the live record counts from here.</param>
/// <param name="HistoryFrom">First bar of the backtest.</param>
/// <param name="HistoryTo">Last bar of the backtest (before <paramref name="LiveFrom"/>).</param>
public sealed record BacktestExpectation(string Version, string Strategy, DateTime Time, DateTime LiveFrom, DateTime HistoryFrom, DateTime HistoryTo,
    IReadOnlyList<double> TradeReturnsPct)
{
    public int Trades => TradeReturnsPct.Count;

    /// <summary>One expectation per strategy (a strategy without trades gets an empty one: it says "no yardstick").</summary>
    public static IReadOnlyList<BacktestExpectation> FromTrades(string version, DateTime time, DateTime liveFrom, DateTime historyFrom, DateTime historyTo,
        IEnumerable<string> strategies, IEnumerable<Trade> trades)
    {
        var byStrategy = trades.GroupBy(t => t.Strategy, StringComparer.Ordinal).ToDictionary(g => g.Key, g => g.OrderBy(t => t.ExitTime).Select(t => t.ReturnPct).ToList(), StringComparer.Ordinal);
        return [.. strategies.Distinct(StringComparer.Ordinal).Select(s =>
            new BacktestExpectation(version, s, time, liveFrom, historyFrom, historyTo, byStrategy.GetValueOrDefault(s) ?? []))];
    }
}
