using System.Text.Json;

namespace Keel.Cli.Tests;

public class BacktestCommandTests
{
    [Fact]
    public void Json_output_has_the_documented_fields()
    {
        using var temp = new TempFolder();
        var (code, stdout, stderr) = KeelCli.Run(temp.Path, "backtest", "--store", Path.Combine(KeelCli.RepoRoot, "samples"), "--symbol", "SPY",
            "--strategy", "sma-crossover:fast=10,slow=30", "--slippage", "percent:0.05", "--commission", "round-trip:5", "--json");
        code.ShouldBe(0, stderr);
        using var json = JsonDocument.Parse(stdout);
        foreach (var field in new[] { "bars", "closed_trades", "open_quantity", "final_equity", "total_return_pct", "max_drawdown_pct", "sharpe", "win_rate", "commissions", "slippage", "elapsed_ms", "load_ms" })
            json.RootElement.TryGetProperty(field, out _).ShouldBeTrue(field);
        var trades = json.RootElement.GetProperty("closed_trades").GetInt32();
        trades.ShouldBeGreaterThan(0);
        // $5 per round trip, every trade closed by the end: exactly 5 × trades.
        json.RootElement.GetProperty("commissions").GetDecimal().ShouldBe(5m * trades);
        json.RootElement.GetProperty("open_quantity").GetDecimal().ShouldBe(0m);
    }

    [Fact]
    public void Sma_crossover_on_oracle_matches_the_independent_check()
    {
        // tests/reference/sma_crossover_check.py, written from the rules, gives 96 closed trades,
        // 10,330 shares still open and a final equity of 486,380.864842 (first trade: 39,922 @ 2.37037
        // on 1995-05-12, sold @ 2.935185 on 1995-09-25).
        var orcl = KeelCli.SharedData("backtrader/orcl-1995-2014.txt");
        if (orcl is null) return;
        using var temp = new TempFolder();
        var (code, stdout, stderr) = KeelCli.Run(temp.Path, "backtest", "--data", orcl, "--strategy", "sma-crossover:fast=10,slow=30",
            "--sizing", "percent:95", "--fill", "next-open", "--keep-open", "--cash", "100000", "--json", "--out", temp.Path);
        code.ShouldBe(0, stderr);
        using var json = JsonDocument.Parse(stdout);
        json.RootElement.GetProperty("closed_trades").GetInt32().ShouldBe(96);
        json.RootElement.GetProperty("open_quantity").GetDecimal().ShouldBe(10_330m);
        json.RootElement.GetProperty("final_equity").GetDecimal().ShouldBe(486_380.864842m);
        var first = File.ReadLines(Path.Combine(temp.Path, "trades.csv")).Skip(1).First();
        first.ShouldContain("1995-05-12T04:00:00Z,2.37037,1995-09-25T04:00:00Z,2.935185,39922,");
        File.Exists(Path.Combine(temp.Path, "equity.png")).ShouldBeTrue();
    }
}
