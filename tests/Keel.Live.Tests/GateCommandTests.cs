using System.Text.Json;

namespace Keel.Live.Tests;

/// <summary>keel gate, keel drift and keel live's gate, run as processes against a paper store on the sim.</summary>
public sealed class GateCommandTests
{
    private static readonly DateTime MondayEvening = PaperData.Start.AddHours(22);

    [Fact]
    public async Task Gate_and_drift_print_their_json_and_live_refuses_naming_the_failing_rules()
    {
        await using var paper = await PaperHarness.StartAsync(days: 1);
        await paper.RunUntilAsync(MondayEvening);
        var paperConfig = WriteConfig(paper, "paper", "keel.json");
        var liveConfig = WriteConfig(paper, "live", "live.json");

        // keel live before any gate: refused, and told to run keel gate.
        var (code, _, err) = Run("live", "--config", liveConfig, "--confirm-live");
        code.ShouldBe(2);
        err.ShouldContain("no gate result");
        err.ShouldContain("keel gate");

        var gate = Run("gate", "--config", paperConfig, "--json");
        gate.ExitCode.ShouldBe(1, gate.Stderr); // a month of paper trading is missing
        var json = JsonDocument.Parse(gate.Stdout).RootElement;
        json.GetProperty("status").GetString().ShouldBe("FAIL");
        var rules = json.GetProperty("rules").EnumerateArray().ToList();
        rules.Count.ShouldBeGreaterThan(15);
        foreach (var rule in rules)
        {
            rule.GetProperty("rule").GetString().ShouldNotBeNullOrEmpty();
            rule.GetProperty("status").GetString().ShouldBeOneOf("PASS", "WARN", "FAIL");
            rule.GetProperty("evidence").GetString().ShouldNotBeNullOrEmpty();
        }
        rules.Single(r => r.GetProperty("rule").GetString() == "paper_days").GetProperty("status").GetString().ShouldBe("FAIL");

        // The live config is the same version (mode is not part of it): refused, naming the failing rules.
        (code, _, err) = Run("live", "--config", liveConfig, "--confirm-live");
        code.ShouldBe(2);
        err.ShouldContain("paper_days (paper)");
        err.ShouldContain("--override-gates");
        err.ShouldNotContain("   at ");

        var outDir = Path.Combine(Path.GetDirectoryName(paper.Settings.SqlitePath)!, "drift");
        var drift = Run("drift", "--config", paperConfig, "--json", "--out", outDir);
        drift.ExitCode.ShouldBe(0, drift.Stderr);
        var d = JsonDocument.Parse(drift.Stdout).RootElement;
        d.GetProperty("matched").GetInt32().ShouldBeGreaterThan(10);
        d.GetProperty("missed").GetInt32().ShouldBe(0);
        d.GetProperty("extra").GetInt32().ShouldBe(0);
        d.GetProperty("mispriced").GetInt32().ShouldBe(0);
        Math.Abs(d.GetProperty("return_difference_pct").GetDouble()).ShouldBeLessThan(0.1);
        var html = File.ReadAllText(Path.Combine(outDir, "drift.html"));
        html.ShouldContain("Paper vs backtest drift");
        ReportCharts.Option(html, "chart-drift").SeriesCount().ShouldBe(2, "the paper and the replay curve");
        html.Split("<tr").Length.ShouldBe(d.GetProperty("matched").GetInt32() + 2, "a header row and one row per order");

        var status = JsonDocument.Parse(Run("status", "--config", paperConfig, "--json").Stdout).RootElement;
        status.GetProperty("gate").GetProperty("status").GetString().ShouldBe("FAIL");
        status.GetProperty("capital").GetProperty("stage").ValueKind.ShouldBe(JsonValueKind.Null, "paper has no capital stage");

        // The service's own drift run after Monday's close, stored: keel drift --latest and keel status show it without a replay.
        var latest = Run("drift", "--config", paperConfig, "--latest", "--json");
        latest.ExitCode.ShouldBe(0, latest.Stderr);
        var l = JsonDocument.Parse(latest.Stdout).RootElement;
        l.GetProperty("night").GetString().ShouldBe("2024-12-16");
        l.GetProperty("matched").GetInt32().ShouldBeGreaterThan(10);
        l.GetProperty("missed").GetInt32().ShouldBe(0);
        l.GetProperty("return_difference_pct").ValueKind.ShouldBe(JsonValueKind.Number);
        status.GetProperty("drift").GetProperty("night").GetString().ShouldBe("2024-12-16");
        var text = Run("drift", "--config", paperConfig, "--latest");
        text.Stdout.ShouldContain("Drift (night of 2024-12-16");
        var mixed = Run("drift", "--config", paperConfig, "--latest", "--out", outDir);
        mixed.ExitCode.ShouldBe(2);
        mixed.Stderr.ShouldContain("--latest");

        var bad = Run("drift", "--config", paperConfig, "--from", "16/12/2024");
        bad.ExitCode.ShouldBe(2);
        bad.Stderr.ShouldContain("yyyy-MM-dd");
    }

    private static string WriteConfig(PaperHarness paper, string mode, string name)
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
              "store": { "sqlite": "{{Path.GetFileName(paper.Settings.SqlitePath)}}" },
              "schedule": { "warmUpBars": 0 }
            }
            """);
        return path;
    }

    private static (int ExitCode, string Stdout, string Stderr) Run(params string[] args) =>
        KeelCli.Run(Path.GetTempPath(), new Dictionary<string, string?> { ["ALPACA_API_KEY_ID"] = "PKGATE", ["ALPACA_API_SECRET_KEY"] = "gate-secret" }, args);
}
