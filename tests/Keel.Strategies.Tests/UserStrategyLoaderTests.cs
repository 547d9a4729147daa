using Keel.Core.Backtest;
using Keel.Core.Strategies;
using Keel.Data.Csv;
using Keel.Testing;

namespace Keel.Strategies.Tests;

public class UserStrategyLoaderTests
{
    [Fact]
    public void The_scaffolded_strategy_compiles_registers_under_its_kebab_name_and_trades_on_the_sample()
    {
        using var temp = new TempDirectory();
        var file = StrategyScaffold.WriteFile(temp.Path, "BuyTheDip");
        Path.GetFileName(file).ShouldBe("BuyTheDipStrategy.cs");

        var catalog = UserStrategyLoader.Load([temp.Path]).ThrowIfBroken();
        var definition = catalog.Registry.Find("buy-the-dip");
        definition.Source.Kind.ShouldBe("file");
        definition.Source.Sha256.ShouldBe(Convert.ToHexStringLower(System.Security.Cryptography.SHA256.HashData(File.ReadAllBytes(file))));
        catalog.Registry.Find("sma-crossover").Source.IsBuiltIn.ShouldBeTrue();

        var series = BarCsvReader.Load(Path.Combine(TestPaths.RepoRoot, "samples", "1Day", "SPY.csv")).Series;
        var result = Backtester.Run(new BacktestSettings(), [series], [catalog.Registry.Parse("buy-the-dip:entry=20,exit=10")]);
        result.Trades.Count.ShouldBeGreaterThan(0);
        result.Trades[0].EntryReason.ShouldContain("broke above the 20-bar high");
    }

    [Theory]
    [InlineData("Breakout", "BreakoutStrategy", "breakout")]
    [InlineData("BuyTheDip", "BuyTheDipStrategy", "buy-the-dip")]
    [InlineData("BreakoutStrategy", "BreakoutStrategy", "breakout")]
    [InlineData("RSI2Dip", "RSI2DipStrategy", "rsi2-dip")]
    [InlineData("gapFade", "GapFadeStrategy", "gap-fade")]
    public void Names_are_pascal_case_classes_registered_in_kebab_case(string name, string className, string registered) =>
        StrategyScaffold.Names(name).ShouldBe((className, registered));

    [Theory]
    [InlineData("")]
    [InlineData("2Fast")]
    [InlineData("buy-the-dip")]
    public void A_name_that_is_not_an_identifier_is_refused(string name) =>
        Should.Throw<ArgumentException>(() => StrategyScaffold.Names(name)).Message.ShouldContain("letters and digits");

    [Fact]
    public void A_syntax_error_is_reported_as_file_line_col_and_the_catalog_refuses_to_run()
    {
        using var temp = new TempDirectory();
        temp.File("Bad.cs", "public sealed class Bad : IStrategy\n{\n    public string Name => \"bad\"\n}\n");
        var catalog = UserStrategyLoader.Load([temp.Path]);
        var broken = catalog.Broken.ShouldHaveSingleItem();
        broken.Errors.ShouldContain(e => e.EndsWith("Bad.cs:3:32: error CS1002: ; expected", StringComparison.Ordinal));
        Should.Throw<StrategyLoadException>(() => catalog.ThrowIfBroken()).Lines.ShouldBe(broken.Errors);
        catalog.Registry.Find("sma-crossover").ShouldNotBeNull(); // the rest still loads, for keel strategies to list
    }

    [Theory]
    [InlineData("_feed.Ahead()", "CS1061")] // IndicatorFeed.Ahead is internal: invisible to a strategy
    [InlineData("_feed.Skip(1)", "CS1061")]
    [InlineData("((IFastForward)this).HoldsAhead(context, 1)", "CS0122")] // IFastForward is inaccessible
    public void Reading_ahead_does_not_compile(string lookAhead, string code)
    {
        using var temp = new TempDirectory();
        temp.File("Peek.cs", $$"""
            public sealed class PeekStrategy : IStrategy
            {
                public static StrategyDefinition Definition { get; } = new("peek", "looks ahead", [], (p, name, cache) => new PeekStrategy(cache));
                private readonly IndicatorFeed _feed;
                public PeekStrategy(IndicatorCache? cache) => _feed = IndicatorFeed.Of(new Sma(5), cache);
                public string Name => "peek";
                public int WarmUpBars => 5;
                public Signal OnBar(in Bar bar, StrategyContext context)
                {
                    _feed.Next(bar);
                    var future = {{lookAhead}};
                    return Signal.Hold;
                }
                public void Reset() { }
            }
            """);
        var broken = UserStrategyLoader.Load([temp.Path]).Broken.ShouldHaveSingleItem();
        broken.Errors.ShouldContain(e => e.Contains("Peek.cs:11:", StringComparison.Ordinal) && e.Contains($"error {code}", StringComparison.Ordinal));
    }

    [Fact]
    public void A_second_load_takes_the_cached_assembly_and_a_changed_file_is_compiled_again()
    {
        using var temp = new TempDirectory();
        var file = StrategyScaffold.WriteFile(temp.Path, "Breakout");
        UserStrategyLoader.Load([temp.Path]).ThrowIfBroken();
        var cached = Directory.GetFiles(Path.Combine(temp.Path, ".cache"), "*.dll").ShouldHaveSingleItem();
        var longAgo = new DateTime(2001, 1, 1, 0, 0, 0, DateTimeKind.Utc);
        File.SetLastWriteTimeUtc(cached, longAgo);

        UserStrategyLoader.Load([temp.Path]).ThrowIfBroken().Registry.Find("breakout").ShouldNotBeNull();
        File.GetLastWriteTimeUtc(cached).ShouldBe(longAgo); // not written again: not compiled again

        File.WriteAllText(file, File.ReadAllText(file).Replace("\"breakout\"", "\"breakout-two\""));
        UserStrategyLoader.Load([temp.Path]).ThrowIfBroken().Registry.Find("breakout-two").ShouldNotBeNull();
        Directory.GetFiles(Path.Combine(temp.Path, ".cache"), "*.dll").Length.ShouldBe(2);
    }

    [Fact]
    public void A_name_already_taken_and_a_strategy_without_definition_are_listed_as_broken()
    {
        using var temp = new TempDirectory();
        temp.File("Clash.cs", """
            public sealed class ClashStrategy : IStrategy
            {
                public static StrategyDefinition Definition { get; } = new("rsi", "same name as a built-in", [], (p, name, _) => new ClashStrategy());
                public string Name => "rsi";
                public int WarmUpBars => 0;
                public Signal OnBar(in Bar bar, StrategyContext context) => Signal.Hold;
                public void Reset() { }
            }
            public sealed class SpacedStrategy : IStrategy
            {
                public static StrategyDefinition Definition { get; } = new("my strategy", "a name no command line can carry", [], (p, name, _) => new SpacedStrategy());
                public string Name => "my strategy";
                public int WarmUpBars => 0;
                public Signal OnBar(in Bar bar, StrategyContext context) => Signal.Hold;
                public void Reset() { }
            }
            public sealed class NamelessStrategy : IStrategy
            {
                public string Name => "nameless";
                public int WarmUpBars => 0;
                public Signal OnBar(in Bar bar, StrategyContext context) => Signal.Hold;
                public void Reset() { }
            }
            """);
        var errors = UserStrategyLoader.Load([temp.Path]).Broken.ShouldHaveSingleItem().Errors;
        errors.ShouldContain(e => e.Contains("'rsi' is already defined (built into Keel)", StringComparison.Ordinal));
        errors.ShouldContain(e => e.Contains("strategy name 'my strategy' cannot be written on a command line", StringComparison.Ordinal));
        errors.ShouldContain(e => e.Contains("NamelessStrategy implements IStrategy but has no 'public static StrategyDefinition Definition'", StringComparison.Ordinal));
    }

    [Fact]
    public void A_strategy_that_throws_stops_the_backtest_naming_it_the_bar_and_the_message()
    {
        using var temp = new TempDirectory();
        temp.File("Boom.cs", """
            public sealed class BoomStrategy : IStrategy
            {
                public static StrategyDefinition Definition { get; } = new("boom", "throws on its 3rd bar", [], (p, name, _) => new BoomStrategy(name));
                private int _bars;
                public BoomStrategy(string name) => Name = name;
                public string Name { get; }
                public int WarmUpBars => 0;
                public Signal OnBar(in Bar bar, StrategyContext context) => ++_bars == 3 ? throw new InvalidOperationException("division by zero in my rule") : Signal.Hold;
                public void Reset() => _bars = 0;
            }
            """);
        var registry = UserStrategyLoader.Load([temp.Path]).ThrowIfBroken().Registry;
        var series = BarCsvReader.Load(Path.Combine(TestPaths.RepoRoot, "samples", "1Day", "SPY.csv")).Series;
        var failure = Should.Throw<StrategyFailedException>(() => Backtester.Run(new BacktestSettings(), [series], [registry.Parse("boom")]));
        failure.Message.ShouldBe($"strategy 'boom' failed on the SPY bar of {series[2].Timestamp:yyyy-MM-dd HH:mm:ss}Z: division by zero in my rule");
    }

    [Fact]
    public void Lazy_reasons_are_formatted_only_when_read()
    {
        var read = new StrategyContext(0);
        var unread = new StrategyContext(0) { ReasonsUnread = true };
        var formatted = 0;
        string Count() { formatted++; return "x"; }
        read.Reason($"value {1.5:F2} and {Count()}").ShouldBe("value 1.50 and x");
        unread.Reason($"value {1.5:F2} and {Count()}").ShouldBe(StrategyContext.UnreadReason);
        formatted.ShouldBe(1);
    }
}
