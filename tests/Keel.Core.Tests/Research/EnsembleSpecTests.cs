using Keel.Core.Research;
using Keel.Core.Backtest;
using Keel.Core.Ensembles;
using Keel.Core.Risk;
using Keel.Core.Strategies;
using Keel.Core.Tests.Backtest;

namespace Keel.Core.Tests.Research;

public class EnsembleSpecTests
{
    private static readonly StrategyRegistry Registry = StrategyRegistry.Default;

    [Theory]
    [InlineData("ensemble(method=consensus,min=2)[sma-crossover:fast=10,slow=30|rsi|macd]",
        "ensemble(method=consensus,min=2,conflict=skip,votes=stances)[sma-crossover:fast=10,slow=30|rsi:period=14,oversold=30,overbought=70|macd:fast=12,slow=26,signal=9]")]
    [InlineData("ensemble[rsi|macd]",
        "ensemble(method=consensus,min=2,conflict=skip,votes=stances)[rsi:period=14,oversold=30,overbought=70|macd:fast=12,slow=26,signal=9]")]
    [InlineData(" Ensemble( METHOD = weighted , threshold=0.6, entry=0.7, conflict=reduce ) [ rsi:period=7 | macd ] ",
        "ensemble(method=weighted,threshold=0.6,entry=0.7,conflict=reduce,votes=stances,window=20)[rsi:period=7,oversold=30,overbought=70|macd:fast=12,slow=26,signal=9]")]
    [InlineData("ensemble(method=confidence-scored,window=30,min=1)[rsi|macd]", null)]
    [InlineData("ensemble(method=confidence,window=30)[rsi|macd]",
        "ensemble(method=confidence,threshold=0.5,conflict=skip,votes=stances,window=30)[rsi:period=14,oversold=30,overbought=70|macd:fast=12,slow=26,signal=9]")]
    [InlineData("ensemble(min=1,entry=3)[rsi|macd|mean-reversion]",
        "ensemble(method=consensus,min=1,entry=3,conflict=skip,votes=stances)[rsi:period=14,oversold=30,overbought=70|macd:fast=12,slow=26,signal=9|mean-reversion:period=20,entry=2,exit=0]")]
    public void Text_parses_to_a_canonical_spec(string text, string? canonical)
    {
        if (canonical is null)
        {
            Should.Throw<FormatException>(() => EnsembleStrategy.Parse(text, Registry));
            return;
        }
        var spec = EnsembleStrategy.Parse(text, Registry);
        spec.ToString().ShouldBe(canonical);
        spec.Create().Name.ShouldBe(canonical);
        EnsembleStrategy.Parse(canonical, Registry).ToString().ShouldBe(canonical);
    }

    [Theory]
    [InlineData("ensemble[rsi]", "at least 2 members")]
    [InlineData("ensemble(min=3)[rsi|macd]", "min must be between 1 and the 2 members")]
    [InlineData("ensemble(method=weighted,min=2)[rsi|macd]", "min applies to method=consensus")]
    [InlineData("ensemble(threshold=0.6)[rsi|macd]", "threshold applies to method=weighted or confidence")]
    [InlineData("ensemble(method=vote)[rsi|macd]", "method 'vote' is unknown")]
    [InlineData("ensemble(conflict=merge)[rsi|macd]", "conflict 'merge' is unknown")]
    [InlineData("ensemble(size=2)[rsi|macd]", "unknown option 'size'")]
    [InlineData("ensemble(min=two)[rsi|macd]", "min='two' is not a whole number")]
    [InlineData("ensemble(min=1,min=2)[rsi|macd]", "min is given twice")]
    [InlineData("ensemble(min=2 [rsi|macd]", "never closed")]
    [InlineData("ensemble(min=2)", "members must follow in brackets")]
    [InlineData("ensemble[rsi||macd]", "empty")]
    [InlineData("ensemble[rsi|smacross]", "Unknown strategy 'smacross'")]
    [InlineData("ensemble[rsi|sma-crossover:fast=30,slow=10]", "fast (30) must be below slow (10)")]
    [InlineData("rsi", "is not an ensemble")]
    public void Bad_text_is_refused_with_what_to_fix(string text, string message)
    {
        Should.Throw<FormatException>(() => EnsembleStrategy.Parse(text, Registry)).Message.ShouldContain(message);
    }

    [Theory]
    [InlineData("method=weighted,threshold=0.6,votes=stances,entry=0.7", "method=weighted,threshold=0.6,entry=0.7,conflict=skip,votes=stances,window=20", "ensemble(method=weighted,threshold=0.6,entry=0.7,conflict=skip,votes=stances,window=20)")]
    [InlineData("method=consensus", "method=consensus,min=2,conflict=skip,votes=stances", "ensemble(consensus, stances)")]
    [InlineData("method=weighted,votes=stances", "method=weighted,threshold=0.5,conflict=skip,votes=stances,window=20", "ensemble(weighted, stances)")]
    [InlineData("method=confidence,conflict=reduce,votes=stances", "method=confidence,threshold=0.5,conflict=reduce,votes=stances", "ensemble(method=confidence,threshold=0.5,conflict=reduce,votes=stances)")]
    public void Options_alone_parse_to_the_same_canonical_text_and_a_comparison_label(string text, string canonical, string label)
    {
        var options = EnsembleOptions.Parse(text);
        options.ToText().ShouldBe(canonical);
        EnsembleOptions.Parse(canonical).ShouldBe(options);
        EnsembleComparison.Label(options).ShouldBe(label);
    }

    [Fact]
    public void Ensemble_text_is_told_apart_from_registry_specs()
    {
        EnsembleSpec.IsEnsemble("ensemble[rsi|macd]").ShouldBeTrue();
        EnsembleSpec.IsEnsemble(" ensemble(min=2)[rsi|macd]").ShouldBeTrue();
        EnsembleSpec.IsEnsemble("rsi:period=14").ShouldBeFalse();
        EnsembleSpec.IsEnsemble("ensembles").ShouldBeFalse();
        // No ';' inside, so a ';'-separated list keeps an ensemble whole.
        "rsi;ensemble(min=2)[sma-crossover:fast=5,slow=20|macd]".Split(';')[1].ShouldBe("ensemble(min=2)[sma-crossover:fast=5,slow=20|macd]");
    }

    [Fact]
    public void Each_created_ensemble_is_independent()
    {
        var spec = EnsembleStrategy.Parse("ensemble[rsi|macd]", Registry);
        var a = spec.Create();
        var b = spec.Create();
        a.ShouldNotBeSameAs(b);
        a.Members[0].ShouldNotBeSameAs(b.Members[0]);
    }

    [Fact]
    public void An_ensemble_runs_in_the_backtester_and_its_reasons_reach_the_journal()
    {
        // Two scripted members that buy on bar 1 and sell on bar 3; consensus of 2 buys and sells with them.
        var data = Bars.Daily("AAPL", Bars.At(100), Bars.At(100), Bars.At(110), Bars.At(120), Bars.At(120), Bars.At(120));
        var settings = new BacktestSettings { Risk = new RiskConfig { Sizing = new Sizing(SizingMethod.FixedQuantity, 10) } };
        var result = Backtester.Run(settings, [data], [() => new EnsembleStrategy(
        [
            new ScriptedStrategy([1], [3], "x"),
            new ScriptedStrategy([1], [3], "y"),
        ])]);
        result.Trades.Count.ShouldBe(1, string.Join("\n", result.Decisions));
        result.Decisions.ShouldContain(d => d.ToString().Contains("consensus 2/2 buy (min 2): x buy 1 w=0.5; y buy 1 w=0.5"));
    }
}
