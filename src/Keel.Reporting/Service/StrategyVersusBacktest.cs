using Keel.Core.Degradation;
using Keel.Core.Persistence;
using Keel.Core.Trading;

namespace Keel.Reporting.Service;

/// <summary>
/// The weekly review's live-against-backtest line of one strategy: its live trades since the version went live
/// (up to the period's end) against the stored backtest expectation's bands over as many trades. <see cref="Live"/>
/// is null before the first live trade or when the backtest made none.
/// </summary>
public sealed record StrategyVersusBacktest(string Strategy, BacktestExpectation Expectation, int LiveTrades, DegradationVerdict? Live)
{
    /// <summary>One line per strategy of <paramref name="version"/>'s stored expectation; empty when none is stored.</summary>
    public static IReadOnlyList<StrategyVersusBacktest> For(IDegradationStore store, string version, IReadOnlyList<Trade> trades, DateTime until, DegradationSettings settings)
    {
        ArgumentNullException.ThrowIfNull(store);
        ArgumentNullException.ThrowIfNull(trades);
        return [.. store.Expectations(version).Select(e =>
        {
            var live = trades.Where(t => t.Strategy == e.Strategy && t.ExitTime >= e.LiveFrom && t.ExitTime < until)
                .OrderBy(t => t.ExitTime).Select(t => t.ReturnPct).ToList();
            return new StrategyVersusBacktest(e.Strategy, e, live.Count, DegradationCheck.Compare(e, live, settings));
        })];
    }
}
