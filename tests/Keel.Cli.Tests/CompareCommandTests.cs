using System.Diagnostics;

namespace Keel.Cli.Tests;

public class CompareCommandTests
{
    [Fact]
    public void Compare_on_the_sample_writes_the_table_csv_curves_and_a_report_that_renders_in_a_browser()
    {
        using var temp = new TempFolder();
        var results = Path.Combine(temp.Path, "results");
        var (code, stdout, stderr) = KeelCli.Run(temp.Path, "compare", "--store", Path.Combine(KeelCli.RepoRoot, "samples"), "--symbols", "SPY,BTC/USD",
            "--strategies", "sma-crossover;rsi", "--out", results);
        code.ShouldBe(0, stderr);
        stdout.ShouldContain("Strategy comparison");
        var csv = File.ReadAllLines(Path.Combine(results, "strategy_comparison.csv"));
        csv.Length.ShouldBe(1 + 3 * 2 * 2); // (strategies + buy and hold) × symbols × {no costs, with costs}
        csv.Count(l => l.StartsWith("buy-and-hold (benchmark),", StringComparison.Ordinal)).ShouldBe(4);
        csv[0].ShouldEndWith(",asset_class,rejected_orders,resized_orders,code_sha256");
        csv.Where(l => l.Contains(",BTC/USD,", StringComparison.Ordinal)).ShouldAllBe(l => l.Contains(",crypto,", StringComparison.Ordinal));
        Directory.GetFiles(Path.Combine(results, "backtests")).Length.ShouldBe(12);

        var report = Path.Combine(results, "report.html");
        var html = File.ReadAllText(report);
        html.ShouldNotContain("<script src");
        var dom = HeadlessChromium.DumpDom(report);
        if (dom is null) return; // no Chromium on this machine (CI installs it)
        foreach (var id in new[] { "chart-returns-drawdown", "chart-winrate-sharpe", "chart-equity" })
        {
            dom.ShouldContain($"id=\"{id}\"");
            ReportCharts.Option(html, id).SeriesCount().ShouldBeGreaterThan(0);
        }
        ReportCharts.Option(html, "chart-equity").SeriesCount().ShouldBe(csv.Length - 1); // one line per run
        // The inlined chart library ran in the browser and drew each chart on its canvas.
        dom.ShouldContain("data-charts-drawn=\"3\""); // returns vs drawdown, win rate vs Sharpe, equity
        dom.Split("<canvas").Length.ShouldBeGreaterThanOrEqualTo(4);
    }
}

/// <summary>Debian's Chromium, headless, as the brief says to launch it.</summary>
internal static class HeadlessChromium
{
    public static string? DumpDom(string htmlFile)
    {
        var chromium = new[] { "/usr/bin/chromium", "/usr/bin/chromium-browser" }.FirstOrDefault(File.Exists);
        if (chromium is null)
        {
            if (Environment.GetEnvironmentVariable("CI") == "true") throw new InvalidOperationException("CI must install chromium (apt-get install chromium).");
            return null;
        }
        var profile = Directory.CreateTempSubdirectory("keel-chromium-").FullName;
        try
        {
            var start = new ProcessStartInfo(chromium) { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
            foreach (var a in new[] { "--headless", "--no-sandbox", "--disable-gpu", "--no-first-run", "--disable-background-networking",
                         "--disable-component-update", "--disable-sync", $"--user-data-dir={profile}", "--dump-dom", new Uri(htmlFile).AbsoluteUri })
                start.ArgumentList.Add(a);
            using var process = Process.Start(start)!;
            var stderr = process.StandardError.ReadToEndAsync();
            var dom = process.StandardOutput.ReadToEnd();
            process.WaitForExit();
            _ = stderr.Result;
            return dom;
        }
        finally
        {
            Directory.Delete(profile, recursive: true);
        }
    }
}
