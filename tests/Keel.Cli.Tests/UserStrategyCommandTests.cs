using System.Text.Json;

namespace Keel.Cli.Tests;

/// <summary>
/// The user's workflow from a clean folder, through the real keel process: scaffold a strategy, backtest it,
/// compare it with the built-ins, sweep it; and what a broken or failing strategy looks like.
/// </summary>
public class UserStrategyCommandTests
{
    private static readonly string Samples = Path.Combine(KeelCli.RepoRoot, "samples");

    [Fact]
    public void New_strategy_then_backtest_then_compare_then_sweep()
    {
        using var temp = new TempFolder();
        var (code, stdout, stderr) = KeelCli.Run(temp.Path, "new", "strategy", "Breakout");
        code.ShouldBe(0, stderr);
        stdout.ShouldContain("registered as breakout");
        File.Exists(Path.Combine(temp.Path, "strategies", "BreakoutStrategy.cs")).ShouldBeTrue();

        (code, stdout, stderr) = KeelCli.Run(temp.Path, "backtest", "--store", Samples, "--symbol", "SPY", "--strategy", "breakout", "--json");
        code.ShouldBe(0, stderr);
        using (var json = JsonDocument.Parse(stdout))
        {
            json.RootElement.GetProperty("strategy").GetString().ShouldBe("breakout:entry=20,exit=10");
            json.RootElement.GetProperty("closed_trades").GetInt32().ShouldBeGreaterThan(0);
            var source = json.RootElement.GetProperty("strategy_sources")[0];
            source.GetProperty("kind").GetString().ShouldBe("file");
            source.GetProperty("path").GetString().ShouldBe(Path.Combine("strategies", "BreakoutStrategy.cs"));
            source.GetProperty("sha256").GetString().ShouldBe(Convert.ToHexStringLower(System.Security.Cryptography.SHA256.HashData(File.ReadAllBytes(Path.Combine(temp.Path, "strategies", "BreakoutStrategy.cs")))));
        }

        var fileSha = Convert.ToHexStringLower(System.Security.Cryptography.SHA256.HashData(File.ReadAllBytes(Path.Combine(temp.Path, "strategies", "BreakoutStrategy.cs"))));
        var results = Path.Combine(temp.Path, "results");
        (code, stdout, stderr) = KeelCli.Run(temp.Path, "compare", "--store", Samples, "--symbols", "SPY", "--out", results);
        code.ShouldBe(0, stderr);
        var rows = File.ReadAllLines(Path.Combine(results, "strategy_comparison.csv"));
        // The strategy column is quoted: its text holds commas.
        rows.Count(r => r.StartsWith("\"breakout:entry=20,exit=10\",SPY,", StringComparison.Ordinal)).ShouldBe(2); // without and with costs
        rows[0].ShouldEndWith(",code_sha256");
        rows.Where(r => r.StartsWith("\"breakout:", StringComparison.Ordinal)).ShouldAllBe(r => r.EndsWith("," + fileSha, StringComparison.Ordinal));
        rows.Where(r => r.StartsWith("buy-and-hold", StringComparison.Ordinal)).ShouldAllBe(r => r.EndsWith(",", StringComparison.Ordinal)); // a benchmark has no code
        rows.ShouldContain(r => r.StartsWith("\"sma-crossover:fast=10,slow=30\",SPY,", StringComparison.Ordinal));
        rows.ShouldNotContain(r => r.Contains("test:every", StringComparison.Ordinal)); // pipeline validation only, unless named

        (code, stdout, stderr) = KeelCli.Run(temp.Path, "compare", "--store", Samples, "--symbols", "SPY", "--out", results, "--strategies-only");
        code.ShouldBe(0, stderr);
        File.ReadAllLines(Path.Combine(results, "strategy_comparison.csv")).Skip(1).Where(r => !r.StartsWith("buy-and-hold (benchmark),", StringComparison.Ordinal))
            .ShouldAllBe(r => r.StartsWith("\"breakout:", StringComparison.Ordinal)); // beside buy and hold (issue 12)

        (code, stdout, stderr) = KeelCli.Run(temp.Path, "sweep", "--store", Samples, "--symbol", "SPY", "--strategy", "breakout", "--grid", "entry=10..30:10,exit=5|10", "--json");
        code.ShouldBe(0, stderr);
        stdout.ShouldContain("breakout:entry=");
        using (var json = JsonDocument.Parse(stdout))
            json.RootElement.GetProperty("strategy_sources")[0].GetProperty("sha256").GetString().ShouldBe(fileSha);

        (code, stdout, stderr) = KeelCli.Run(temp.Path, "backtest", "--store", Samples, "--symbol", "SPY", "--strategy", "ensemble(method=consensus,min=1)[breakout|rsi]", "--json");
        code.ShouldBe(0, stderr);
        stdout.ShouldContain("\"kind\": \"ensemble\"");

        (code, stdout, stderr) = KeelCli.Run(temp.Path, "walkforward", "--store", Samples, "--symbol", "SPY", "--strategy", "breakout", "--grid", "entry=10|20,exit=5|10",
            "--in-sample", "504", "--out-of-sample", "252", "--json");
        code.ShouldBe(0, stderr);
        stdout.ShouldContain("breakout:entry=");
        using (var json = JsonDocument.Parse(stdout))
            json.RootElement.GetProperty("strategy_sources")[0].GetProperty("sha256").GetString().ShouldBe(fileSha);

        (code, stdout, stderr) = KeelCli.Run(temp.Path, "strategies");
        code.ShouldBe(0, stderr);
        stdout.ShouldContain("strategies/BreakoutStrategy.cs");
        stdout.ShouldContain("pipeline validation only");
    }

    [Fact]
    public void A_strategy_with_a_syntax_error_is_file_line_col_and_exit_2_and_keel_strategies_lists_it()
    {
        using var temp = new TempFolder();
        Directory.CreateDirectory(Path.Combine(temp.Path, "mine"));
        File.WriteAllText(Path.Combine(temp.Path, "mine", "Broken.cs"), "public sealed class Broken\n{\n    int x = 1\n}\n");
        var (code, _, stderr) = KeelCli.Run(temp.Path, "backtest", "--store", Samples, "--symbol", "SPY", "--strategy", "rsi", "--strategies-dir", "mine");
        code.ShouldBe(2);
        stderr.ShouldContain($"mine{Path.DirectorySeparatorChar}Broken.cs:3:14: error CS1002: ; expected");
        stderr.ShouldNotContain("   at ");

        var (listCode, stdout, _) = KeelCli.Run(temp.Path, "strategies", "--strategies-dir", "mine");
        listCode.ShouldBe(2);
        stdout.ShouldContain("broken:");
        stdout.ShouldContain("Broken.cs:3:14");
        stdout.ShouldContain("sma-crossover");
    }

    [Fact]
    public void A_strategy_that_throws_stops_the_backtest_with_its_name_bar_and_message()
    {
        using var temp = new TempFolder();
        Directory.CreateDirectory(Path.Combine(temp.Path, "strategies"));
        File.WriteAllText(Path.Combine(temp.Path, "strategies", "Boom.cs"), """
            public sealed class BoomStrategy : IStrategy
            {
                public static StrategyDefinition Definition { get; } = new("boom", "throws on bar 5", [], (p, name, _) => new BoomStrategy(name));
                private int _bars;
                public BoomStrategy(string name) => Name = name;
                public string Name { get; }
                public int WarmUpBars => 0;
                public Signal OnBar(in Bar bar, StrategyContext context) => ++_bars == 5 ? throw new InvalidOperationException("my bug") : Signal.Hold;
                public void Reset() => _bars = 0;
            }
            """);
        var (code, _, stderr) = KeelCli.Run(temp.Path, "backtest", "--store", Samples, "--symbol", "SPY", "--strategy", "boom");
        code.ShouldBe(2);
        stderr.ShouldStartWith("error: strategy 'boom' failed on the SPY bar of ");
        stderr.ShouldContain(": my bug");
        stderr.ShouldNotContain("   at ");
    }
}
