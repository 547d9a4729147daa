using Keel.Core.Backtest;
using Keel.Core.Domain;
using Keel.Core.Ensembles;
using Keel.Core.Research;
using Keel.Core.Risk;
using Keel.Core.Strategies;

namespace Keel.Core.Tests.Research;

public class EnsembleComparisonTests
{
    private static readonly BacktestSettings Settings = new() { Risk = new RiskConfig { Sizing = Sizing.Parse("percent:50") } };

    private static readonly IReadOnlyList<EnsembleOptions> Methods =
    [
        new EnsembleOptions { Method = VotingMethod.Consensus },
        new EnsembleOptions { Method = VotingMethod.PerformanceWeighted, Votes = VoteSource.Stances },
    ];

    /// <summary>A drifting wave with a second, faster wave on top, so crossovers and RSI extremes both occur.</summary>
    private static BarSeries Wave(int count, Func<int, double>? shock = null)
    {
        var t0 = new DateTime(2020, 1, 1, 0, 0, 0, DateTimeKind.Utc);
        var bars = Enumerable.Range(0, count).Select(i =>
        {
            var p = Math.Round(100 + 10 * Math.Sin(i / 9.0) + 3 * Math.Sin(i / 2.3) + i * 0.05 + (shock?.Invoke(i) ?? 0), 2);
            return new Bar(t0.AddDays(i), p, p + 0.5, p - 0.5, p, 1000);
        }).ToArray();
        return new BarSeries(new Symbol("BTC/USD", AssetClass.Crypto), Timeframe.OneDay, bars);
    }

    private static IReadOnlyList<ParameterGrid> Members() =>
    [
        ParameterGrid.Parse("fast=3..6:3,slow=10..20:10", SmaCrossoverStrategy.Definition),
        ParameterGrid.Parse("period=5..14:9", StrategyRegistry.Default.Find("rsi")),
        ParameterGrid.Parse("", StrategyRegistry.Default.Find("macd")),
    ];

    [Fact]
    public void A_tuned_member_alone_is_exactly_the_walk_forward_of_its_grid()
    {
        var series = Wave(400);
        var members = Members();
        var windows = WalkForwardWindows.Create(series.Count, 100, 50, anchored: false);

        var result = EnsembleComparison.Run(Settings, series, members, Methods, windows);
        var walkForward = WalkForward.Run(Settings, series, members[0], inSample: 100, outOfSample: 50, anchored: false);

        result.Candidates.Count.ShouldBe(3 + 1 + 2); // members, the in-sample choice, ensembles
        var sma = result.Candidates[0];
        sma.Name.ShouldBe("sma-crossover (tuned)");
        result.Steps.Select(s => s.Members[0].Text).ShouldBe(walkForward.Steps.Select(s => s.Chosen.Text));
        result.Steps.Select(s => s.Tuning[0]).ShouldBe(walkForward.Steps.Select(s => s.Tuning));
        result.Steps.ShouldAllBe(s => s.Tuning[1]!.Trials == 2 && s.Tuning[2] == null);
        sma.OutOfSample.ShouldBe(walkForward.OutOfSample);
        sma.Curve.ShouldBe(walkForward.OutOfSampleCurve);
        result.Candidates[2].Name.ShouldBe("macd:fast=12,slow=26,signal=9");
        result.Steps.ShouldAllBe(s => s.Members[2].Text == "macd:fast=12,slow=26,signal=9");
    }

    [Fact]
    public void Every_candidate_trades_only_out_of_sample_and_all_cover_the_same_bars()
    {
        var series = Wave(400);
        var windows = WalkForwardWindows.Create(series.Count, 100, 50, anchored: true);

        var result = EnsembleComparison.Run(Settings, series, Members(), Methods, windows);

        result.Steps.Count.ShouldBe(6);
        foreach (var c in result.Candidates)
        {
            c.Curve.Count.ShouldBe(300);
            c.Curve[0].Time.ShouldBe(series[100].Timestamp);
            c.PerWindow.Count.ShouldBe(6);
            foreach (var (step, i) in result.Steps.Select((s, i) => (s, i)))
            {
                var inWindow = c.Trades.Where(t => t.EntryTime >= step.OosFrom && t.EntryTime <= step.OosTo).ToList();
                inWindow.ShouldAllBe(t => t.ExitTime <= step.OosTo, $"{c.Name}: a trade crossed out of window {i + 1}");
                inWindow.Count.ShouldBe(c.PerWindow[i].Trades, c.Name);
            }
            var firstOutOfSample = series[100].Timestamp;
            c.Trades.ShouldAllBe(t => t.EntryTime >= firstOutOfSample);
        }
        result.Candidates.Where(c => !c.IsEnsemble).Sum(c => c.Trades.Count).ShouldBeGreaterThan(0);
        result.Ensembles.Sum(c => c.Trades.Count).ShouldBeGreaterThan(0);
    }

    [Fact]
    public void A_window_is_not_changed_by_bars_after_it()
    {
        var windows = WalkForwardWindows.Create(400, 100, 50, anchored: false);
        var plain = EnsembleComparison.Run(Settings, Wave(400), Members(), Methods, windows);
        // From bar 200 on (after the second window) prices crash: it must change nothing in windows 1 and 2.
        var shocked = EnsembleComparison.Run(Settings, Wave(400, i => i >= 200 ? -40 : 0), Members(), Methods, windows);

        for (var w = 0; w < 2; w++)
        {
            shocked.Steps[w].Members.Select(m => m.Text).ShouldBe(plain.Steps[w].Members.Select(m => m.Text));
            for (var c = 0; c < plain.Candidates.Count; c++)
                shocked.Candidates[c].PerWindow[w].ShouldBe(plain.Candidates[c].PerWindow[w], plain.Candidates[c].Name);
        }
        plain.Candidates.Select(c => c.OutOfSample.TotalReturnPct).ShouldNotBe(shocked.Candidates.Select(c => c.OutOfSample.TotalReturnPct));
    }

    [Fact]
    public void Over_the_whole_period_each_candidate_is_an_ordinary_backtest()
    {
        var series = Wave(300);
        IReadOnlyList<ParameterGrid> members =
        [
            ParameterGrid.Parse("fast=5,slow=20", SmaCrossoverStrategy.Definition),
            ParameterGrid.Parse("", StrategyRegistry.Default.Find("rsi")),
        ];

        var result = EnsembleComparison.Run(Settings, series, members, Methods, EnsembleComparison.WholePeriod(series.Count));

        var specs = new IStrategySpec[] { members[0].Specs[0], members[1].Specs[0] }
            .Concat(Methods.Select(o => new EnsembleSpec([members[0].Specs[0], members[1].Specs[0]], o))).ToList();
        for (var i = 0; i < specs.Count; i++)
        {
            var alone = Backtester.Run(Settings, [series], [specs[i]]);
            result.Candidates[i].OutOfSample.ShouldBe(alone.Metrics, result.Candidates[i].Name);
            result.Candidates[i].Trades.Count.ShouldBe(alone.Trades.Count);
        }
        result.Candidates.Select(c => c.Name).ShouldBe(["sma-crossover:fast=5,slow=20", "rsi:period=14,oversold=30,overbought=70", "ensemble(consensus)", "ensemble(weighted, stances)"]);
        result.BestMember.ShouldBe(result.Members.MaxBy(m => m.OutOfSample.Sharpe));
        foreach (var e in result.Ensembles) result.Beats(e).ShouldBe(e.OutOfSample.Sharpe > result.BestMember.OutOfSample.Sharpe);
        result.InSampleChoice.ShouldBeNull(); // nothing held back to choose on
        result.Steps.ShouldAllBe(s => s.InSampleChoice == null);
    }

    [Fact]
    public void The_in_sample_choice_trades_each_window_as_the_member_with_the_best_in_sample_sharpe()
    {
        var series = Wave(400);
        var members = Members();
        var windows = WalkForwardWindows.Create(series.Count, 100, 50, anchored: false);

        var result = EnsembleComparison.Run(Settings, series, members, Methods, windows);

        var choice = result.InSampleChoice.ShouldNotBeNull();
        choice.Name.ShouldBe(EnsembleComparison.InSampleChoiceName);
        result.Candidates[members.Count].ShouldBeSameAs(choice);
        var memberRecords = result.Members.ToList();
        var expectedEquity = Settings.StartingCash;
        foreach (var (w, i) in windows.Select((w, i) => (w, i)))
        {
            // Every parameter set of every member backtested alone on the in-sample bars; the best Sharpe wins, the first on ties.
            var inSample = new BarSeries(series.Symbol, series.Timeframe, series.Span[w.IsStart..w.IsEnd].ToArray());
            var best = members.Select(m => m.Specs.Max(spec => Backtester.Run(Settings, [inSample], [spec]).Metrics.Sharpe)).ToList();
            var pick = best.IndexOf(best.Max());
            result.Steps[i].InSampleChoice.ShouldBe(pick, $"window {i + 1}");
            choice.PerWindow[i].ShouldBe(memberRecords[pick].PerWindow[i], $"window {i + 1}");
            expectedEquity = expectedEquity * choice.PerWindow[i].EndingEquity / Settings.StartingCash;
        }
        result.Steps.Select(s => s.InSampleChoice).Distinct().Count().ShouldBeGreaterThan(1, "the wave should make different members look best");
        choice.OutOfSample.EndingEquity.ShouldBe(expectedEquity);
        choice.Trades.Count.ShouldBe(choice.PerWindow.Sum(m => m.Trades));
        foreach (var e in result.Ensembles) result.BeatsInSampleChoice(e).ShouldBe(e.OutOfSample.Sharpe > choice.OutOfSample.Sharpe);
    }

    [Fact]
    public void Members_to_tune_need_in_sample_bars()
    {
        var series = Wave(200);
        Should.Throw<ArgumentException>(() => EnsembleComparison.Run(Settings, series, Members(), Methods, EnsembleComparison.WholePeriod(series.Count)))
            .Message.ShouldContain("sma-crossover, rsi have parameters to tune");
    }
}
