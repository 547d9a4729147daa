using System.Text.Json;

namespace Keel.Cli.Tests;

/// <summary>
/// Walk-forward and ensemble comparison state the same things a backtest does: buy and hold over the same
/// bars with the same costs, and the bars before --from read only to warm indicators up.
/// </summary>
public class ResearchRangeAndBenchmarkTests
{
    private static string Samples => Path.Combine(KeelCli.RepoRoot, "samples");

    /// <summary>The backtest's own result for the same bars and costs: the reference both commands must agree with.</summary>
    private static JsonElement Backtest(TempFolder temp, params string[] range)
    {
        var (code, stdout, stderr) = KeelCli.Run(temp.Path, ["backtest", "--store", Samples, "--symbol", "SPY", "--strategy", "rsi",
            "--slippage", "percent:0.05", "--commission", "alpaca", .. range, "--json"]);
        code.ShouldBe(0, stderr);
        return JsonDocument.Parse(stdout).RootElement.Clone();
    }

    [Fact]
    public void Ensemble_compare_shows_buy_and_hold_over_the_same_bars_with_the_same_costs()
    {
        using var temp = new TempFolder();
        var (code, stdout, stderr) = KeelCli.Run(temp.Path, "ensemble", "compare", "--store", Samples, "--symbols", "SPY",
            "--members", "sma-crossover|rsi", "--json", "--out", temp.Path);
        code.ShouldBe(0, stderr);
        var benchmark = JsonDocument.Parse(stdout).RootElement.GetProperty("symbols")[0].GetProperty("benchmark");
        // Fixed members, one window over every bar: the same bars and costs as the backtest's benchmark.
        var reference = Backtest(temp).GetProperty("benchmark");
        foreach (var field in new[] { "total_return_pct", "max_drawdown_pct", "sharpe" })
            benchmark.GetProperty(field).GetDouble().ShouldBe(reference.GetProperty(field).GetDouble(), field);
        benchmark.GetProperty("total_return_pct").GetDouble().ShouldNotBe(0);
        File.ReadAllText(Path.Combine(temp.Path, "ensemble_report.html")).ShouldContain("buy &amp; hold SPY");
    }

    [Fact]
    public void Ensemble_compare_from_reads_earlier_bars_as_warm_up_and_its_benchmark_starts_at_from()
    {
        using var temp = new TempFolder();
        string[] range = ["--from", "2020-01-01", "--to", "2022-12-31"];
        var (code, stdout, stderr) = KeelCli.Run(temp.Path, ["ensemble", "compare", "--store", Samples, "--symbols", "SPY",
            "--members", "sma-crossover|rsi", .. range, "--json", "--out", temp.Path]);
        code.ShouldBe(0, stderr);
        var root = JsonDocument.Parse(stdout).RootElement;
        var reference = Backtest(temp, range);
        root.GetProperty("warm_up_bars").GetInt64().ShouldBe(reference.GetProperty("warm_up_bars").GetInt64());
        root.GetProperty("warm_up_bars").GetInt64().ShouldBeGreaterThan(1000);
        root.GetProperty("from").GetString().ShouldBe(reference.GetProperty("from").GetString());
        var benchmark = root.GetProperty("symbols")[0].GetProperty("benchmark");
        benchmark.GetProperty("total_return_pct").GetDouble().ShouldBe(reference.GetProperty("benchmark").GetProperty("total_return_pct").GetDouble());
    }

    [Fact]
    public void Walkforward_from_reads_earlier_bars_as_warm_up_and_says_so()
    {
        using var temp = new TempFolder();
        string[] range = ["--from", "2020-01-01"];
        var (code, stdout, stderr) = KeelCli.Run(temp.Path, ["walkforward", "--store", Samples, "--symbol", "SPY", "--strategy", "rsi",
            "--grid", "period=7..14:7", "--in-sample", "252", "--out-of-sample", "126", .. range, "--json", "--out", temp.Path]);
        code.ShouldBe(0, stderr);
        var root = JsonDocument.Parse(stdout).RootElement;
        var reference = Backtest(temp, range);
        root.GetProperty("warm_up_bars").GetInt64().ShouldBe(reference.GetProperty("warm_up_bars").GetInt64());
        root.GetProperty("warm_up_bars").GetInt64().ShouldBeGreaterThan(1000);
        // The windows start at --from: the first out-of-sample window follows 252 in-sample bars of 2020.
        root.GetProperty("steps")[0].GetProperty("oos_from").GetDateTime().ShouldBeInRange(new DateTime(2020, 12, 15), new DateTime(2021, 1, 15));

        var (tableCode, table, tableStderr) = KeelCli.Run(temp.Path, ["walkforward", "--store", Samples, "--symbol", "SPY", "--strategy", "rsi",
            "--grid", "period=7..14:7", "--in-sample", "252", "--out-of-sample", "126", .. range, "--out", temp.Path]);
        tableCode.ShouldBe(0, tableStderr);
        table.ShouldContain("bars before --from read only to warm indicators up");
    }
}
