using Keel.Core.Domain;
using Keel.Core.Metrics;
using Keel.Core.Research;

namespace Keel.Core.Tests.Research;

public class CandidateTallyTests
{
    [Fact]
    public void Counts_per_candidate_the_symbols_where_it_is_the_best_member_or_beats_it()
    {
        // Sharpe ratios made up so that every verdict is known: SPY's best member is a (1.0), QQQ's is b (0.8);
        // the member chosen in sample got 0.5 on SPY (it picked b) and 0.2 on QQQ (it picked a).
        const CandidateKind member = CandidateKind.Member, choice = CandidateKind.InSampleChoice, ensemble = CandidateKind.Ensemble;
        var spy = Result("SPY", ("a", member, 1.0), ("b", member, 0.5), ("chosen", choice, 0.5), ("consensus", ensemble, 1.2), ("weighted", ensemble, 0.9));
        var qqq = Result("QQQ", ("a", member, 0.2), ("b", member, 0.8), ("chosen", choice, 0.2), ("consensus", ensemble, 0.8), ("weighted", ensemble, 1.1));

        var tallies = CandidateTally.Of([spy, qqq]);

        tallies.Select(t => (t.Name, t.Kind, t.Symbols, t.Wins, t.BeatsInSampleChoiceOn)).ShouldBe(
        [
            ("a", member, 2, 1, (int?)null),
            ("b", member, 2, 1, null),
            ("chosen", choice, 2, 0, null),
            ("consensus", ensemble, 2, 1, 2), // 0.8 only ties QQQ's best member: not a win; but above the choice's 0.2
            ("weighted", ensemble, 2, 1, 2),
        ]);
        tallies.Select(t => t.MeanSharpe).ShouldBe([0.6, 0.65, 0.35, 1.0, 1.0], tolerance: 1e-12);
    }

    [Fact]
    public void A_candidate_with_too_few_trades_beats_nothing()
    {
        // Before: an ensemble that made 1 trade with a lucky Sharpe of 3 "beat" every member.
        const CandidateKind member = CandidateKind.Member, choice = CandidateKind.InSampleChoice, ensemble = CandidateKind.Ensemble;
        var spy = new EnsembleComparisonResult(Symbol.Parse("SPY"), [],
        [
            new ComparedStrategy("a", member, Metrics(1.0), [], [], [], []),
            new ComparedStrategy("chosen", choice, Metrics(0.5), [], [], [], []),
            new ComparedStrategy("lucky", ensemble, Metrics(3.0, trades: 1), [], [], [], []),
            new ComparedStrategy("idle", ensemble, Metrics(double.NaN, trades: 0), [], [], [], []),
            new ComparedStrategy("enough", ensemble, Metrics(1.5, trades: 5), [], [], [], []),
        ]);
        spy.Beats(spy.Candidates[2]).ShouldBeFalse();
        spy.BeatsInSampleChoice(spy.Candidates[2]).ShouldBe(false);
        EnsembleComparisonResult.TooFewTrades(spy.Candidates[2]).ShouldBeTrue();
        spy.Beats(spy.Candidates[3]).ShouldBeFalse();
        spy.Beats(spy.Candidates[4]).ShouldBeTrue();
        CandidateTally.Of([spy]).Single(t => t.Name == "lucky").Wins.ShouldBe(0);
    }

    private static EnsembleComparisonResult Result(string ticker, params (string Name, CandidateKind Kind, double Sharpe)[] candidates) =>
        new(Symbol.Parse(ticker), [], candidates.Select(c => new ComparedStrategy(c.Name, c.Kind, Metrics(c.Sharpe), [], [], [], [])).ToList());

    private static PerformanceMetrics Metrics(double sharpe, int trades = 20) => new()
    {
        StartingEquity = 100_000m, EndingEquity = 100_000m, TotalReturnPct = 0, CagrPct = 0, Trades = trades, WinRatePct = 0,
        AverageWin = 0, AverageLoss = 0, ProfitFactor = 0, Expectancy = 0, MaxDrawdownPct = 0, MaxDrawdownDuration = TimeSpan.Zero,
        Sharpe = sharpe, Sortino = 0, Calmar = 0, ExposurePct = 0, TotalCommissions = 0, TotalSlippage = 0, PeriodsPerYear = 252,
    };
}
