using System.Text.Json;

namespace Keel.Live.Tests;

/// <summary>keel status, halt, resume and the guards of keel paper / keel live, run as processes.</summary>
public sealed class ServiceCommandTests
{
    private static readonly DateTime MondayAfternoon = new(2024, 12, 16, 19, 0, 0, DateTimeKind.Utc);

    [Fact]
    public async Task Status_shows_positions_per_strategy_and_halt_and_resume_flip_the_switch()
    {
        await using var paper = await PaperHarness.StartAsync(days: 1);
        await paper.RunUntilAsync(MondayAfternoon);
        var config = WriteConfig(paper, "paper");

        var status = Json(Run("status", "--config", config, "--json"));
        status.GetProperty("mode").GetString().ShouldBe("paper");
        status.GetProperty("halted").GetBoolean().ShouldBeFalse();
        status.GetProperty("broker_reachable").GetBoolean().ShouldBeTrue();
        status.GetProperty("service_running").GetBoolean().ShouldBeTrue("the session's last cycle was just now");
        var positions = status.GetProperty("positions").EnumerateArray()
            .Select(p => (p.GetProperty("strategy").GetString(), p.GetProperty("symbol").GetString(), p.GetProperty("quantity").GetDecimal(), p.GetProperty("avg_price").GetDecimal()))
            .ToList();
        var stored = paper.Store.Positions().Where(p => p.Quantity != 0).Select(p => ((string?)p.Strategy, (string?)p.Symbol.Ticker, p.Quantity, p.AveragePrice)).ToList();
        stored.ShouldNotBeEmpty();
        positions.ShouldBe(stored, ignoreOrder: true);
        status.GetProperty("equity").GetDecimal().ShouldBe(paper.Sim.Broker.Account().Equity);
        status.GetProperty("today").GetProperty("day").GetString().ShouldBe("2024-12-16");

        var (haltCode, haltOut, _) = Run("halt", "--config", config, "--reason", "checking the switch");
        haltCode.ShouldBe(0);
        haltOut.ShouldContain("Halted");
        paper.Store.Halt().Halted.ShouldBeTrue();
        paper.Store.Halt().Reason.ShouldBe("checking the switch");
        Json(Run("status", "--config", config, "--json")).GetProperty("halt_reason").GetString().ShouldBe("checking the switch");

        Run("resume", "--config", config).ExitCode.ShouldBe(0);
        paper.Store.Halt().Halted.ShouldBeFalse();
    }

    [Fact]
    public async Task Live_needs_live_mode_and_confirmation_and_paper_refuses_a_live_config()
    {
        await using var paper = await PaperHarness.StartAsync(days: 1);
        var liveConfig = WriteConfig(paper, "live");
        var paperConfig = WriteConfig(paper, "paper", "paper2.json");

        var (code, _, err) = Run("paper", "--config", liveConfig);
        code.ShouldBe(2);
        err.ShouldContain("keel live --confirm-live");

        (code, _, err) = Run("live", "--config", liveConfig);
        code.ShouldBe(2);
        err.ShouldContain("--confirm-live");

        (code, _, err) = Run("live", "--config", paperConfig, "--confirm-live");
        code.ShouldBe(2);
        err.ShouldContain("\"mode\": \"live\"");
    }

    [Fact]
    public void A_bad_config_fails_at_start_up_with_what_to_fix()
    {
        var folder = Directory.CreateTempSubdirectory("keel-badconfig-").FullName;
        var path = Path.Combine(folder, "keel.json");
        File.WriteAllText(path, """{ "timeframe": "1Min", "symbols": [], "strategies": ["rsi"], "store": { "sqlite": "x.db" } }""");
        var (code, _, err) = Run("paper", "--config", path);
        code.ShouldBe(2);
        err.ShouldContain("symbols: missing");
        Run("paper", "--config", Path.Combine(folder, "nope.json")).Stderr.ShouldContain("does not exist");
        Directory.Delete(folder, recursive: true);
    }

    private static string WriteConfig(PaperHarness paper, string mode, string name = "keel.json")
    {
        var url = paper.Sim.BaseUrl.ToString().TrimEnd('/');
        var path = Path.Combine(Path.GetDirectoryName(paper.Settings.SqlitePath)!, name);
        File.WriteAllText(path, $$"""
            {
              "mode": "{{mode}}",
              "alpaca": { "tradingUrl": "{{url}}", "dataUrl": "{{url}}" },
              "timeframe": "15Min",
              "symbols": ["SPY", "AAPL", "BTC/USD"],
              "strategies": ["sma-crossover:fast=3,slow=8", "rsi:period=6,oversold=40,overbought=60"],
              "risk": { "sizing": "fixed:10", "cryptoSizing": "fixed:0.01" },
              "store": { "sqlite": "{{Path.GetFileName(paper.Settings.SqlitePath)}}" }
            }
            """);
        return path;
    }

    private static JsonElement Json((int ExitCode, string Stdout, string Stderr) run)
    {
        run.ExitCode.ShouldBe(0, run.Stderr);
        return JsonDocument.Parse(run.Stdout).RootElement;
    }

    private static (int ExitCode, string Stdout, string Stderr) Run(params string[] args) =>
        KeelCli.Run(Path.GetTempPath(), new Dictionary<string, string?> { ["ALPACA_API_KEY_ID"] = "PKSTATUS", ["ALPACA_API_SECRET_KEY"] = "status-secret" }, args);
}
