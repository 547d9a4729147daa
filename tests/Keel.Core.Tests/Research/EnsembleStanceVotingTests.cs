using Keel.Core.Ensembles;
using Keel.Core.Strategies;

namespace Keel.Core.Tests.Research;

/// <summary>Stance voting: members vote with the position their own signals hold, not with one bar's signal.</summary>
public class EnsembleStanceVotingTests
{
    private const SignalAction Buy = SignalAction.Buy;
    private const SignalAction Sell = SignalAction.Sell;

    [Fact]
    public void Consensus_of_stances_is_long_while_enough_members_are_long()
    {
        // a: long from bar 1 to bar 5; b: long from bar 3 to bar 7; c: long from bar 6.
        // Long members per bar: 0 1 1 2 2 1 1 1 ... → with min 2 the ensemble buys at bar 3
        // (a and b long though they bought on different bars) and sells at bar 5 (a sold: 1 left).
        // At bar 6 c joins b → 2 long again → buy; at bar 7 b sells → sell.
        var ensemble = new EnsembleStrategy(
            [
                new ScriptedVoter("a", (1, Buy, 0.6), (5, Sell, 1)),
                new ScriptedVoter("b", (3, Buy, 0.8), (7, Sell, 1)),
                new ScriptedVoter("c", (6, Buy, 0.7)),
            ],
            new EnsembleOptions { Method = VotingMethod.Consensus, MinAgree = 2, Votes = VoteSource.Stances });
        var steps = EnsembleHarness.Run(ensemble, EnsembleHarness.Flat(9));
        steps.Select((s, i) => (i, s.Signal.Action)).Where(x => x.Action != SignalAction.Hold)
            .ShouldBe([(3, Buy), (5, Sell), (6, Buy), (7, Sell)]);
        steps[3].Signal.Reason!.ShouldStartWith("consensus stances: 2/3 long (enter at 2, stay at 2): a long 0.6");
        steps[3].Signal.Reason!.ShouldContain("c flat");
    }

    [Fact]
    public void A_higher_entry_bar_than_exit_bar_gives_hysteresis()
    {
        // Enter only when all 3 are long (bar 4), stay while 2 are (a sells at bar 6: still 2), exit at 1 (bar 7).
        var ensemble = new EnsembleStrategy(
            [
                new ScriptedVoter("a", (1, Buy, 1), (6, Sell, 1)),
                new ScriptedVoter("b", (2, Buy, 1), (7, Sell, 1)),
                new ScriptedVoter("c", (4, Buy, 1)),
            ],
            new EnsembleOptions { Method = VotingMethod.Consensus, MinAgree = 2, EntryMinAgree = 3, Votes = VoteSource.Stances });
        var steps = EnsembleHarness.Run(ensemble, EnsembleHarness.Flat(9));
        steps.Select((s, i) => (i, s.Signal.Action)).Where(x => x.Action != SignalAction.Hold).ShouldBe([(4, Buy), (7, Sell)]);
    }

    [Fact]
    public void Confidence_scored_stances_weigh_each_long_member_by_its_entry_confidence()
    {
        // Equal weights 1/3. Bar 1: a long at 0.9 → score 0.3 (≤ 0.5). Bar 2: b long at 0.9 → 0.6 > 0.5: buy.
        // Bar 4: b sells → 0.3, not above the exit bar 0.5 → sell.
        var ensemble = new EnsembleStrategy(
            [
                new ScriptedVoter("a", (1, Buy, 0.9)),
                new ScriptedVoter("b", (2, Buy, 0.9), (4, Sell, 1)),
                new ScriptedVoter("c"),
            ],
            new EnsembleOptions { Method = VotingMethod.ConfidenceScored, Threshold = 0.5, Votes = VoteSource.Stances });
        var steps = EnsembleHarness.Run(ensemble, EnsembleHarness.Flat(6));
        steps.Select((s, i) => (i, s.Signal.Action)).Where(x => x.Action != SignalAction.Hold).ShouldBe([(2, Buy), (4, Sell)]);
        steps[2].Signal.Confidence.ShouldBe(0.6, 1e-12);
    }

    [Fact]
    public void The_text_form_names_stance_voting_and_parses_back()
    {
        var spec = EnsembleSpec.Parse("ensemble(method=consensus,min=2,votes=stances)[rsi|macd]", StrategyRegistry.Default);
        spec.Options.Votes.ShouldBe(VoteSource.Stances);
        EnsembleSpec.Parse(spec.Text, StrategyRegistry.Default).Text.ShouldBe(spec.Text);
        spec.Text.ShouldContain("votes=stances");
    }
}
