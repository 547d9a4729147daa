using Keel.Core.Ensembles;
using Keel.Core.Strategies;
using static Keel.Core.Strategies.SignalAction;

namespace Keel.Core.Tests.Research;

public class EnsembleVotingTests
{
    private static EnsembleStrategy Ensemble(EnsembleOptions options, params IStrategy[] members) => new(members, options);

    [Fact]
    public void Consensus_acts_when_enough_members_agree_and_lists_every_vote()
    {
        // Bar 0: a and b buy, c holds → 2/3 ≥ 2: buy, confidence mean(0.6, 0.8) = 0.7.
        // Bar 1: only a sells → 1/3 < 2: hold.
        var ensemble = Ensemble(new EnsembleOptions(),
            new ScriptedVoter("a", (0, Buy, 0.6), (1, Sell, 0.9)),
            new ScriptedVoter("b", (0, Buy, 0.8)),
            new ScriptedVoter("c"));
        var steps = EnsembleHarness.Run(ensemble, EnsembleHarness.Flat(2));

        steps[0].Signal.Action.ShouldBe(Buy);
        steps[0].Signal.Confidence.ShouldBe(0.7, 1e-12);
        steps[0].Signal.Reason.ShouldBe("consensus 2/3 buy (min 2): a buy 0.6 w=0.33; b buy 0.8 w=0.33; c hold");
        steps[0].Votes.ShouldBe(
        [
            new MemberVote("a", Buy, 0.6, 1.0 / 3),
            new MemberVote("b", Buy, 0.8, 1.0 / 3),
            new MemberVote("c", Hold, 0, 1.0 / 3),
        ]);
        steps[1].Signal.IsHold.ShouldBeTrue();
        steps[1].Explanation.ShouldBe("consensus 1/3 sell (min 2): hold: a sell 0.9 w=0.33; b hold; c hold");
    }

    [Theory]
    [InlineData(1, 1, true)]
    [InlineData(2, 2, true)]
    [InlineData(3, 3, false)]
    public void Consensus_threshold_is_a_member_count(int min, int entry, bool acts)
    {
        var ensemble = Ensemble(new EnsembleOptions { MinAgree = min, EntryMinAgree = entry },
            new ScriptedVoter("a", (0, Buy, 1)), new ScriptedVoter("b", (0, Buy, 1)), new ScriptedVoter("c"));
        EnsembleHarness.Run(ensemble, 100)[0].Signal.IsHold.ShouldBe(!acts);
    }

    [Fact]
    public void A_higher_entry_threshold_makes_buying_harder_than_selling()
    {
        // min 1 to sell, 3 to buy. Bar 0: two buys → hold. Bar 1: three buys → buy. Bar 2: one sell → sell.
        var ensemble = Ensemble(new EnsembleOptions { MinAgree = 1, EntryMinAgree = 3 },
            new ScriptedVoter("a", (0, Buy, 1), (1, Buy, 1), (2, Sell, 1)),
            new ScriptedVoter("b", (0, Buy, 1), (1, Buy, 1)),
            new ScriptedVoter("c", (1, Buy, 1)));
        EnsembleHarness.Run(ensemble, EnsembleHarness.Flat(3)).Select(s => s.Signal.Action).ShouldBe([Hold, Buy, Sell]);
    }

    [Fact]
    public void Conflicts_are_skipped_by_default()
    {
        var ensemble = Ensemble(new EnsembleOptions(),
            new ScriptedVoter("a", (0, Buy, 0.6)), new ScriptedVoter("b", (0, Buy, 0.8)), new ScriptedVoter("c", (0, Sell, 0.9)));
        var step = EnsembleHarness.Run(ensemble, 100)[0];
        step.Signal.IsHold.ShouldBeTrue();
        step.Explanation.ShouldBe("consensus: conflict 2 buy vs 1 sell: skip: a buy 0.6 w=0.33; b buy 0.8 w=0.33; c sell 0.9 w=0.33");
    }

    [Fact]
    public void Reduce_size_follows_the_majority_with_confidence_scaled_by_net_agreement()
    {
        // 2 buy vs 1 sell: buy; confidence mean(0.6, 0.8) × (2 − 1)/(2 + 1) = 0.7/3.
        var ensemble = Ensemble(new EnsembleOptions { Conflict = ConflictPolicy.ReduceSize },
            new ScriptedVoter("a", (0, Buy, 0.6), (1, Buy, 1)),
            new ScriptedVoter("b", (0, Buy, 0.8)),
            new ScriptedVoter("c", (0, Sell, 0.9), (1, Sell, 1)));
        var steps = EnsembleHarness.Run(ensemble, 100, 100);
        steps[0].Signal.Action.ShouldBe(Buy);
        steps[0].Signal.Confidence.ShouldBe(0.7 / 3, 1e-12);
        steps[0].Signal.Reason.ShouldBe("consensus 2/3 buy (min 2) vs 1 sell, reduced ×0.33: a buy 0.6 w=0.33; b buy 0.8 w=0.33; c sell 0.9 w=0.33");
        // Bar 1: 1 buy vs 1 sell: no majority, hold.
        steps[1].Signal.IsHold.ShouldBeTrue();
    }

    [Fact]
    public void Confidence_scored_acts_when_the_weighted_score_exceeds_the_threshold()
    {
        // Two members, weights 1/2. Bar 0: buys at 0.5 and 0.5 → score 0.5, not above 0.5: hold.
        // Bar 1: buys at 0.6 and 0.6 → 0.6 > 0.5: buy, confidence 0.6. Bar 2: one sell at 1 → −0.5: hold.
        // Bar 3: sells at 0.9 and 0.7 → −0.8 < −0.5: sell, confidence 0.8.
        var ensemble = Ensemble(new EnsembleOptions { Method = VotingMethod.ConfidenceScored },
            new ScriptedVoter("a", (0, Buy, 0.5), (1, Buy, 0.6), (2, Sell, 1), (3, Sell, 0.9)),
            new ScriptedVoter("b", (0, Buy, 0.5), (1, Buy, 0.6), (3, Sell, 0.7)));
        var steps = EnsembleHarness.Run(ensemble, EnsembleHarness.Flat(4));
        steps.Select(s => s.Signal.Action).ShouldBe([Hold, Buy, Hold, Sell]);
        steps[1].Signal.Confidence.ShouldBe(0.6, 1e-12);
        steps[1].Signal.Reason.ShouldBe("confidence score +0.6 buy (> 0.5): a buy 0.6 w=0.5; b buy 0.6 w=0.5");
        steps[3].Signal.Confidence.ShouldBe(0.8, 1e-12);
        steps[3].Signal.Reason!.ShouldStartWith("confidence score -0.8 sell (> 0.5)");
    }

    [Fact]
    public void Confidence_scored_with_reduce_size_nets_the_conflict()
    {
        // Weights 1/3. Buy support (1.0 + 0.8)/3 = 0.6, sell support 0.2/3; score 0.5333 > 0.5: buy.
        // Confidence mean(1.0, 0.8) = 0.9 × agreement 0.5333/0.6667 = 0.8 → 0.72.
        var ensemble = Ensemble(new EnsembleOptions { Method = VotingMethod.ConfidenceScored, Conflict = ConflictPolicy.ReduceSize },
            new ScriptedVoter("a", (0, Buy, 1.0)), new ScriptedVoter("b", (0, Sell, 0.2)), new ScriptedVoter("c", (0, Buy, 0.8)));
        var signal = EnsembleHarness.Run(ensemble, 100)[0].Signal;
        signal.Action.ShouldBe(Buy);
        signal.Confidence.ShouldBe(0.72, 1e-12);
    }

    [Fact]
    public void Confidence_scored_entry_threshold_applies_to_buys_only()
    {
        // entry 0.8, exit 0.5, weights 1/3: two buys at 0.9 score 0.6 (not > 0.8): hold; two sells at 0.9 score −0.6: sell.
        var ensemble = Ensemble(new EnsembleOptions { Method = VotingMethod.ConfidenceScored, EntryThreshold = 0.8 },
            new ScriptedVoter("a", (0, Buy, 0.9), (1, Sell, 0.9)), new ScriptedVoter("b", (0, Buy, 0.9), (1, Sell, 0.9)), new ScriptedVoter("c"));
        EnsembleHarness.Run(ensemble, 100, 100).Select(s => s.Signal.Action).ShouldBe([Hold, Sell]);
    }

    [Fact]
    public void Performance_weights_follow_each_members_hypothetical_returns()
    {
        // Closes 100, 110, 121, 121 (+10%, +10%, 0%), window 2. a buys on bar 0 and stays long; b never
        // trades; c buys on bar 0 and sells on bar 1.
        // Bar 0: no returns yet → equal weights 1/3; a and c buy: support 2/3 > 0.5 → buy.
        // Bar 1: returns booked before the votes: a +0.1, b 0, c +0.1; the window is not full → equal weights.
        // Bar 2: a +0.1, b 0, c 0 (flat since its sell on bar 1). Means over 2 bars: a 0.1, b 0, c 0.05 →
        //        weights 2/3, 0, 1/3. b buys alone: support 0 → hold.
        // Bar 3: returns a 0, b 0, c 0 → means a 0.05, b 0, c 0 → weights 1, 0, 0. a sells: support 1 → sell.
        var ensemble = Ensemble(new EnsembleOptions { Method = VotingMethod.PerformanceWeighted, Window = 2 },
            new ScriptedVoter("a", (0, Buy, 0.6), (3, Sell, 0.7)),
            new ScriptedVoter("b", (2, Buy, 0.9)),
            new ScriptedVoter("c", (0, Buy, 0.8), (1, Sell, 0.5)));
        var steps = EnsembleHarness.Run(ensemble, 100, 110, 121, 121);

        steps.Select(s => s.Signal.Action).ShouldBe([Buy, Hold, Hold, Sell]);
        steps[0].Signal.Confidence.ShouldBe(0.7, 1e-12);
        steps[1].Votes.Select(v => v.Weight).ShouldAllBe(w => Math.Abs(w - 1.0 / 3) < 1e-12);
        steps[2].Votes.Select(v => v.Weight).ShouldBe([2.0 / 3, 0, 1.0 / 3], 1e-12);
        steps[2].Explanation.ShouldBe("weighted 0 buy (> 0.5): hold: a hold; b buy 0.9 w=0; c hold");
        steps[3].Votes.Select(v => v.Weight).ShouldBe([1, 0, 0], 1e-12);
        steps[3].Signal.Reason.ShouldBe("weighted 1 sell (> 0.5): a sell 0.7 w=1; b hold; c hold");
    }

    [Fact]
    public void Equal_weights_when_no_member_has_made_money()
    {
        // Falling prices: a and b hold long and lose; c stays flat (mean 0). No positive mean → equal weights.
        var ensemble = Ensemble(new EnsembleOptions { Method = VotingMethod.PerformanceWeighted, Window = 2 },
            new ScriptedVoter("a", (0, Buy, 1)), new ScriptedVoter("b", (0, Buy, 1)), new ScriptedVoter("c"));
        var steps = EnsembleHarness.Run(ensemble, 100, 90, 80, 70);
        steps[3].Votes.Select(v => v.Weight).ShouldAllBe(w => Math.Abs(w - 1.0 / 3) < 1e-12);
    }

    [Fact]
    public void Member_correlation_compares_hypothetical_returns()
    {
        // a and b both go long on bar 0 → identical returns → correlation 1; c never trades → its returns
        // do not vary → NaN.
        var ensemble = Ensemble(new EnsembleOptions { Window = 4 },
            new ScriptedVoter("a", (0, Buy, 1)), new ScriptedVoter("b", (0, Buy, 1)), new ScriptedVoter("c"));
        EnsembleHarness.Run(ensemble, 100, 110, 99, 120, 115);
        var correlation = ensemble.MemberCorrelation();
        correlation[0, 1].ShouldBe(1, 1e-12);
        correlation[1, 0].ShouldBe(1, 1e-12);
        correlation[0, 0].ShouldBe(1);
        double.IsNaN(correlation[0, 2]).ShouldBeTrue();
        double.IsNaN(correlation[2, 2]).ShouldBeTrue();
    }

    [Fact]
    public void Reset_forgets_votes_positions_and_returns()
    {
        var ensemble = Ensemble(new EnsembleOptions { Method = VotingMethod.PerformanceWeighted, Window = 2 },
            new ScriptedVoter("a", (0, Buy, 0.6), (3, Sell, 0.7)),
            new ScriptedVoter("b", (2, Buy, 0.9)),
            new ScriptedVoter("c", (0, Buy, 0.8), (1, Sell, 0.5)));
        var first = EnsembleHarness.Run(ensemble, 100, 110, 121, 121);
        ensemble.Reset();
        ensemble.LastVotes.ShouldAllBe(v => v.Action == Hold);
        var second = EnsembleHarness.Run(ensemble, 100, 110, 121, 121);
        second.Select(s => (s.Signal, s.Explanation)).ShouldBe(first.Select(s => (s.Signal, s.Explanation)));
    }

    [Fact]
    public void Bad_options_are_refused()
    {
        IStrategy[] two = [new ScriptedVoter("a"), new ScriptedVoter("b")];
        Should.Throw<ArgumentException>(() => new EnsembleStrategy([new ScriptedVoter("a")])).Message.ShouldContain("at least 2 members");
        Should.Throw<ArgumentException>(() => new EnsembleStrategy(two, new EnsembleOptions { MinAgree = 3 })).Message.ShouldContain("min must be between 1 and the 2 members");
        Should.Throw<ArgumentException>(() => new EnsembleStrategy(two, new EnsembleOptions { Method = VotingMethod.ConfidenceScored, Threshold = 1 }))
            .Message.ShouldContain("threshold must be within [0, 1)");
        Should.Throw<ArgumentException>(() => new EnsembleStrategy(two, new EnsembleOptions { Window = 1 })).Message.ShouldContain("window");
    }
}
