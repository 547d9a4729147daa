using Keel.Core.Strategies;

namespace Keel.Core.Tests.Strategies;

public class StrategyRegistryTests
{
    private static readonly StrategyRegistry Registry = StrategyRegistry.Default;

    [Theory]
    [InlineData("sma-crossover:fast=10,slow=30", "sma-crossover:fast=10,slow=30")]
    [InlineData("sma-crossover", "sma-crossover:fast=10,slow=30")]
    [InlineData(" RSI : period = 7 ", "rsi:period=7,oversold=30,overbought=70")]
    [InlineData("rsi:period=14,oversold=25.5,overbought=70", "rsi:period=14,oversold=25.5,overbought=70")]
    [InlineData("macd", "macd:fast=12,slow=26,signal=9")]
    [InlineData("mean-reversion:entry=1.5", "mean-reversion:period=20,entry=1.5,exit=0")]
    [InlineData("test:every=3", "test:every=3")]
    public void Text_parses_to_a_canonical_spec_with_defaults(string text, string canonical)
    {
        var spec = Registry.Parse(text);
        spec.ToString().ShouldBe(canonical);
        spec.Create().Name.ShouldBe(canonical);
    }

    [Theory]
    [InlineData("smacross", "Unknown strategy 'smacross'; known strategies: sma-crossover, rsi, macd, mean-reversion, test")]
    [InlineData("sma-crossover:fats=10", "has no parameter 'fats'; its parameters are: fast, slow")]
    [InlineData("sma-crossover:fast=ten", "fast='ten' is not a number")]
    [InlineData("sma-crossover:fast=30,slow=10", "fast (30) must be below slow (10)")]
    [InlineData("sma-crossover:fast=2.5", "fast must be a whole number, got 2.5")]
    [InlineData("sma-crossover:fast=0", "fast must be between 1 and 10000, got 0")]
    [InlineData("rsi:oversold=80,overbought=70", "oversold (80) must be below overbought (70)")]
    [InlineData("rsi:period=14,period=7", "period is given twice")]
    [InlineData("rsi:period", "'period' is not key=value")]
    [InlineData("", "A strategy must be named")]
    public void Bad_text_is_refused_with_what_to_fix(string text, string message)
    {
        Should.Throw<FormatException>(() => Registry.Parse(text)).Message.ShouldContain(message);
    }

    [Fact]
    public void Lists_split_on_semicolons_or_on_commas_that_start_a_new_strategy()
    {
        Registry.ParseList("rsi;sma-crossover:fast=5,slow=20").Select(s => s.ToString())
            .ShouldBe(["rsi:period=14,oversold=30,overbought=70", "sma-crossover:fast=5,slow=20"]);
        Registry.ParseList("sma-crossover:fast=5,slow=20,macd").Select(s => s.Definition.Name).ShouldBe(["sma-crossover", "macd"]);
    }

    [Fact]
    public void Every_instance_is_independent()
    {
        var spec = Registry.Parse("sma-crossover:fast=2,slow=3");
        spec.Create().ShouldNotBeSameAs(spec.Create());
    }
}
