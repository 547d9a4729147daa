using Keel.Core.Research;
using Keel.Core.Strategies;

namespace Keel.Core.Tests.Research;

public class ParameterGridTests
{
    [Fact]
    public void Ranges_enumerate_every_combination_in_definition_order_last_fastest()
    {
        var grid = ParameterGrid.Parse("oversold=20..35:5,period=7..21:7", RsiMeanReversionStrategy.Definition);
        grid.Axes.Select(a => (a.Name, string.Join(" ", a.Values))).ShouldBe(
            [("period", "7 14 21"), ("oversold", "20 25 30 35"), ("overbought", "70")]);
        grid.Count.ShouldBe(12);
        grid.SkippedInvalid.ShouldBe(0);
        grid.Specs.Take(5).Select(s => s.ToString()).ShouldBe(
        [
            "rsi:period=7,oversold=20,overbought=70",
            "rsi:period=7,oversold=25,overbought=70",
            "rsi:period=7,oversold=30,overbought=70",
            "rsi:period=7,oversold=35,overbought=70",
            "rsi:period=14,oversold=20,overbought=70",
        ]);
        grid.Specs[^1].ToString().ShouldBe("rsi:period=21,oversold=35,overbought=70");
    }

    [Fact]
    public void Lists_single_values_and_default_steps()
    {
        var grid = ParameterGrid.Parse("fast=5|10|20, slow=30..32", SmaCrossoverStrategy.Definition);
        grid.Specs.Select(s => s.ToString()).ShouldBe(
        [
            "sma-crossover:fast=5,slow=30", "sma-crossover:fast=5,slow=31", "sma-crossover:fast=5,slow=32",
            "sma-crossover:fast=10,slow=30", "sma-crossover:fast=10,slow=31", "sma-crossover:fast=10,slow=32",
            "sma-crossover:fast=20,slow=30", "sma-crossover:fast=20,slow=31", "sma-crossover:fast=20,slow=32",
        ]);
        ParameterGrid.Parse("", SmaCrossoverStrategy.Definition).Specs.Select(s => s.ToString()).ShouldBe(["sma-crossover:fast=10,slow=30"]);
    }

    [Fact]
    public void Fractional_ranges_reach_their_upper_bound_despite_binary_rounding()
    {
        var grid = ParameterGrid.Parse("entry=0.1..0.3:0.1", MeanReversionStrategy.Definition);
        grid.Axes[1].Values.ShouldBe([0.1, 0.2, 0.3]);
        grid.Specs[2].ToString().ShouldBe("mean-reversion:period=20,entry=0.3,exit=0");
    }

    [Fact]
    public void Combinations_failing_the_cross_check_are_skipped_and_counted()
    {
        // fast 10..40:10 × slow 20..40:10 = 12 combinations; fast ≥ slow for (20,20), (30,20), (30,30),
        // (40,20), (40,30), (40,40): 6 skipped.
        var grid = ParameterGrid.Parse("fast=10..40:10,slow=20..40:10", SmaCrossoverStrategy.Definition);
        grid.Combinations.ShouldBe(12);
        grid.SkippedInvalid.ShouldBe(6);
        grid.Count.ShouldBe(6);
        grid.Specs.ShouldAllBe(s => s.Parameters.Get("fast") < s.Parameters.Get("slow"));
        grid.Specs.Select(s => s.Create()).ShouldAllBe(s => s is SmaCrossoverStrategy);
    }

    [Theory]
    [InlineData("perid=7..21:7", "no parameter 'perid'; its parameters are: period, oversold, overbought")]
    [InlineData("period=21..7:7", "the range is empty (21 > 7); write the smaller bound first")]
    [InlineData("period=7..21:0", "the step must be positive, got 0")]
    [InlineData("period=7..21:-7", "the step must be positive, got -7")]
    [InlineData("period=7..21:3.5", "period must be a whole number, got 10.5")]
    [InlineData("period=7.5", "period must be a whole number, got 7.5")]
    [InlineData("period=1..5", "period must be between 2 and 1000, got 1")]
    [InlineData("period=7|x", "'x' is not a number")]
    [InlineData("period=7|14|7", "7 is listed twice")]
    [InlineData("period=7,period=14", "period is given twice")]
    [InlineData("period", "'period' is not name=values")]
    [InlineData("period=2..1000,oversold=0..100:0.01", "combinations; at most 1,000,000 are allowed")]
    public void Mistakes_say_what_to_fix(string text, string message)
    {
        Should.Throw<FormatException>(() => ParameterGrid.Parse(text, RsiMeanReversionStrategy.Definition)).Message.ShouldContain(message);
    }
}
