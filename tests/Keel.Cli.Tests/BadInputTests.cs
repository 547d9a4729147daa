namespace Keel.Cli.Tests;

/// <summary>Bad input exits with code 2 and a message that says what to fix, on stderr.</summary>
public class BadInputTests
{
    private const string GoodCsv = "Date,Open,High,Low,Close,Volume\n2024-01-02,10,11,9,10.5,100\n2024-01-03,10.5,11,10,10.8,100\n";

    [Fact]
    public void A_malformed_row_names_the_file_and_line()
    {
        using var temp = new TempFolder();
        var file = temp.File("bad.csv", GoodCsv + "2024-01-04,10.8,abc,10,10.9,100\n");
        var (code, _, stderr) = KeelCli.Run(temp.Path, "backtest", "--data", file, "--strategy", "rsi");
        code.ShouldBe(2);
        stderr.ShouldContain("bad.csv:4:");
        stderr.ShouldContain("abc");
    }

    [Fact]
    public void Unknown_strategies_and_bad_parameters_are_usage_errors()
    {
        using var temp = new TempFolder();
        var file = temp.File("ok.csv", GoodCsv);
        var (code, _, stderr) = KeelCli.Run(temp.Path, "backtest", "--data", file, "--strategy", "sma-crossover:fast=50,slow=10");
        code.ShouldBe(2);
        stderr.ShouldContain("fast (50) must be below slow (10)");

        (code, _, stderr) = KeelCli.Run(temp.Path, "backtest", "--data", file, "--strategy", "nope");
        code.ShouldBe(2);
        stderr.ShouldContain("known strategies: sma-crossover");
    }

    [Fact]
    public void Bad_options_are_usage_errors()
    {
        using var temp = new TempFolder();
        var file = temp.File("ok.csv", GoodCsv);
        KeelCli.Run(temp.Path, "backtest", "--data", file, "--strategy", "rsi", "--sizing", "percent:150").ExitCode.ShouldBe(2);
        KeelCli.Run(temp.Path, "backtest", "--data", file, "--strategy", "rsi", "--commission", "weird:1").Stderr.ShouldContain("Commission 'weird:1' is unknown");
        KeelCli.Run(temp.Path, "backtest", "--data", file, "--strategy", "rsi", "--sizing", "risk:1").Stderr.ShouldContain("risk sizing needs a stop loss");
        KeelCli.Run(temp.Path, "backtest", "--strategy", "rsi", "--bogus").ExitCode.ShouldBe(2);
        KeelCli.Run(temp.Path, "backtest", "--data", Path.Combine(temp.Path, "missing.csv"), "--strategy", "rsi").ExitCode.ShouldBe(2);
    }
}
