using Keel.Core.Ensembles;
using Keel.Core.Strategies;

namespace Keel.Core.Tests.Research;

public class EnsembleLookAheadTests
{
    private const int Divergence = 60;

    /// <summary>A wavy trend that makes the members trade; from <see cref="Divergence"/> on, <paramref name="crash"/> changes it.</summary>
    private static double[] Prices(bool crash) => Enumerable.Range(0, 100)
        .Select(i => i < Divergence || !crash
            ? 100 + 8 * Math.Sin(i / 3.0) + 0.3 * i
            : 60 + 5 * Math.Cos(i / 2.0))
        .ToArray();

    private static EnsembleStrategy Create() => EnsembleStrategy.Parse(
        "ensemble(method=weighted,window=10)[sma-crossover:fast=2,slow=5|rsi:period=3,oversold=40,overbought=60|mean-reversion:period=4,entry=0.5]",
        StrategyRegistry.Default).Create();

    [Fact]
    public void Future_prices_do_not_change_weights_or_decisions_up_to_now()
    {
        var calm = EnsembleHarness.Run(Create(), Prices(crash: false));
        var crash = EnsembleHarness.Run(Create(), Prices(crash: true));

        // Identical prices up to bar 59 → identical votes, weights, signals and explanations up to bar 59.
        for (var t = 0; t < Divergence; t++)
        {
            crash[t].Votes.ShouldBe(calm[t].Votes, $"bar {t}");
            crash[t].Signal.ShouldBe(calm[t].Signal, $"bar {t}");
            crash[t].Explanation.ShouldBe(calm[t].Explanation, $"bar {t}");
        }

        // The check is not vacuous: the weights did move before the divergence, and do differ after it.
        calm.Take(Divergence).ShouldContain(s => s.Votes.Select(v => v.Weight).Distinct().Count() > 1);
        Enumerable.Range(Divergence, 40).ShouldContain(t => !crash[t].Votes.Select(v => v.Weight).SequenceEqual(calm[t].Votes.Select(v => v.Weight)));
    }

    [Fact]
    public void The_bar_that_diverges_changes_weights_only_through_its_own_close()
    {
        // At bar 60 the weights may use bar 60's close (returns up to this close of positions taken on
        // earlier signals), but never a later one: a series that differs only from bar 61 on gives the
        // same weights at bar 60.
        var prices = Prices(crash: false);
        var later = (double[])prices.Clone();
        for (var i = Divergence + 1; i < later.Length; i++) later[i] *= 0.5;
        var a = EnsembleHarness.Run(Create(), prices);
        var b = EnsembleHarness.Run(Create(), later);
        b[Divergence].Votes.ShouldBe(a[Divergence].Votes);
        b[Divergence].Signal.ShouldBe(a[Divergence].Signal);
    }
}
