using Keel.Core.Domain;
using Keel.Core.Metrics;
using Keel.Core.Research;

namespace Keel.Core.Tests.Research;

public class CandidateTallyTests
{
    [Fact]
    public void Counts_per_candidate_the_symbols_where_it_is_the_best_member_or_beats_it()
    {
        // Sharpe ratios made up so that every verdict is known: SPY's best member is a (1.0), QQQ's is b (0.8).
        var spy = Result("SPY", ("a", false, 1.0), ("b", false, 0.5), ("consensus", true, 1.2), ("weighted", true, 0.9));
        var qqq = Result("QQQ", ("a", false, 0.2), ("b", false, 0.8), ("consensus", true, 0.8), ("weighted", true, 1.1));

        var tallies = CandidateTally.Of([spy, qqq]);

        tallies.Select(t => (t.Name, t.IsEnsemble, t.Symbols, t.Wins)).ShouldBe(
        [
            ("a", false, 2, 1),
            ("b", false, 2, 1),
            ("consensus", true, 2, 1), // 0.8 only ties QQQ's best member: not a win
            ("weighted", true, 2, 1),
        ]);
        tallies.Select(t => t.MeanSharpe).ShouldBe([0.6, 0.65, 1.0, 1.0], tolerance: 1e-12);
    }

    private static EnsembleComparisonResult Result(string ticker, params (string Name, bool IsEnsemble, double Sharpe)[] candidates) =>
        new(Symbol.Parse(ticker), [], candidates.Select(c => new ComparedStrategy(c.Name, c.IsEnsemble, Metrics(c.Sharpe), [], [], [], [])).ToList());

    private static PerformanceMetrics Metrics(double sharpe) => new()
    {
        StartingEquity = 100_000m, EndingEquity = 100_000m, TotalReturnPct = 0, CagrPct = 0, Trades = 0, WinRatePct = 0,
        AverageWin = 0, AverageLoss = 0, ProfitFactor = 0, Expectancy = 0, MaxDrawdownPct = 0, MaxDrawdownDuration = TimeSpan.Zero,
        Sharpe = sharpe, Sortino = 0, Calmar = 0, ExposurePct = 0, TotalCommissions = 0, TotalSlippage = 0, PeriodsPerYear = 252,
    };
}
