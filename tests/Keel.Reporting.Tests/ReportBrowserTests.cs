using System.Text.Json;
using Keel.Core.Domain;
using Keel.Core.Trading;
using Microsoft.Playwright;

namespace Keel.Reporting.Tests;

/// <summary>
/// Written reports opened from disk (file://) in Debian's chromium through Playwright: the inlined ECharts draws
/// every chart, and what it holds (<c>echarts.getInstanceByDom(el).getOption()</c>) is what the run says. No
/// console error, nothing fetched. Screenshots are saved under TestResults/reports as test artefacts.
/// </summary>
public sealed class ReportBrowserTests : IAsyncLifetime, IDisposable
{
    private const string Chromium = "/usr/bin/chromium";
    private static readonly string[] ChromiumArgs = ["--headless", "--no-sandbox", "--disable-gpu", "--no-first-run", "--disable-background-networking"];
    private static readonly string Screenshots = Path.Combine(RepoRoot(), "TestResults", "reports");

    private readonly string _folder = Directory.CreateTempSubdirectory("keel-report-browser-").FullName;
    private IPlaywright _playwright = null!;
    private IBrowser _browser = null!;

    public async Task InitializeAsync()
    {
        if (!File.Exists(Chromium))
            throw new InvalidOperationException($"The report browser tests need Debian's chromium at {Chromium} (apt-get install chromium; ./test installs it).");
        _playwright = await Playwright.CreateAsync();
        _browser = await _playwright.Chromium.LaunchAsync(new BrowserTypeLaunchOptions { ExecutablePath = Chromium, Headless = true, Args = ChromiumArgs });
        Directory.CreateDirectory(Screenshots);
    }

    [Fact]
    public async Task The_backtest_report_draws_each_symbols_price_with_one_marker_per_entry_and_exit_and_the_equity_ending_where_the_run_ends()
    {
        var spy = Symbol.Parse("SPY");
        var btc = Symbol.Parse("BTC/USD");
        var strategy = SampleData.Run(1, "sma-crossover", "SPY", "with costs", points: 3_000);
        var spyTrades = SampleData.Trades(3, 12, "sma-crossover", spy);
        var btcTrades = SampleData.Trades(5, 7, "sma-crossover", btc);
        var spyBars = Enumerable.Range(0, 3_000).Select(i => new Bar(SampleData.Start.AddDays(i), 100 + i % 7, 110, 95, 100 + i % 5 + Math.Sin(i / 50.0) * 4, 1000)).ToArray();
        var btcBars = Enumerable.Range(0, 200).Select(i => new Bar(SampleData.Start.AddDays(i), 40_000 + i, 41_000 + i, 39_000 + i, 40_500 + i * 3, 5)).ToArray();
        var file = Path.Combine(_folder, "backtest", "report.html");
        BacktestReport.Write(file, new BacktestReportModel
        {
            Title = "Keel backtest: sma-crossover on SPY, BTC/USD",
            Settings = [new("timeframe", "1Day")],
            Strategy = strategy,
            Benchmark = SampleData.Run(2, "buy-and-hold", "SPY", "with costs", points: 3_000) with { Label = "buy and hold" },
            Prices = [new BarSeries(spy, Timeframe.OneDay, spyBars), new BarSeries(btc, Timeframe.OneDay, btcBars)],
            Trades = [.. spyTrades, .. btcTrades],
            Refused = [],
        });

        var (page, errors, requests) = await OpenAsync(file);

        var price = await SeriesAsync(page, "chart-price-trades");
        price["entries"].GetProperty("data").GetArrayLength().ShouldBe(12);
        price["exits"].GetProperty("data").GetArrayLength().ShouldBe(12);
        var entries = price["entries"].GetProperty("data").EnumerateArray().Select(d => d.GetProperty("value")[1].GetDouble());
        entries.ShouldBe(spyTrades.Select(t => (double)t.EntryPrice));
        var close = price["close"].GetProperty("data");
        close.GetArrayLength().ShouldBeLessThanOrEqualTo(2_000); // 3,000 bars thinned for drawing
        close[close.GetArrayLength() - 1][1].GetDouble().ShouldBe(spyBars[^1].Close);
        var second = await SeriesAsync(page, "chart-price-trades-btcusd");
        second["entries"].GetProperty("data").GetArrayLength().ShouldBe(7);
        second["exits"].GetProperty("data").GetArrayLength().ShouldBe(7);

        var equity = await SeriesAsync(page, "chart-equity");
        equity.Count.ShouldBe(2);
        var line = equity.Single(s => s.Key.StartsWith("sma-crossover", StringComparison.Ordinal)).Value.GetProperty("data");
        var end = line[line.GetArrayLength() - 1];
        end[0].GetDouble().ShouldBe(new DateTimeOffset(strategy.Curve[^1].Time).ToUnixTimeMilliseconds());
        end[1].GetDouble().ShouldBe(Math.Round(strategy.Curve[^1].Equity / (double)strategy.Metrics.StartingEquity * 100, 2));
        (await SeriesAsync(page, "chart-drawdown")).Count.ShouldBe(2);

        await page.ScreenshotAsync(new PageScreenshotOptions { Path = Path.Combine(Screenshots, "backtest-report.png"), FullPage = true });
        errors.ShouldBeEmpty();
        requests.ShouldBeEmpty();
    }

    [Fact]
    public async Task The_comparison_report_draws_bars_scatter_and_equity_for_every_run()
    {
        var runs = new List<ReportRun>();
        var seed = 1;
        foreach (var name in new[] { "sma-crossover", "rsi", "macd", "buy-and-hold (benchmark)" })
        foreach (var symbol in new[] { "SPY", "BTC/USD" })
            runs.Add(SampleData.Run(seed++, name, symbol, "with costs", drift: 0.0001 * seed));
        var file = Path.Combine(_folder, "compare", "report.html");
        HtmlReport.Write(file, new HtmlReportModel { Title = "Strategy comparison", Settings = [new("timeframe", "1Day")], Runs = runs });

        var (page, errors, requests) = await OpenAsync(file);

        var bars = await SeriesAsync(page, "chart-returns-drawdown");
        bars["Total return %"].GetProperty("data").GetArrayLength().ShouldBe(8);
        bars["Max drawdown % (below zero)"].GetProperty("data").EnumerateArray().ShouldAllBe(v => v.GetDouble() <= 0);
        var scatter = await SeriesAsync(page, "chart-winrate-sharpe");
        scatter["runs"].GetProperty("data").EnumerateArray().Select(d => d.GetProperty("name").GetString()).ShouldBe(runs.Select(r => r.Label));
        var equity = await SeriesAsync(page, "chart-equity");
        equity.Count.ShouldBe(8);

        await page.ScreenshotAsync(new PageScreenshotOptions { Path = Path.Combine(Screenshots, "comparison-report.png"), FullPage = true });
        errors.ShouldBeEmpty();
        requests.ShouldBeEmpty();
    }

    [Fact]
    public async Task The_sweep_heatmap_and_the_drift_report_draw_in_the_browser_too()
    {
        var grid = new Pages.SweepGrid("", "sharpe", "slow", "fast", [20, 50, 100], [5, 10, 15],
            [[0.5, 1.25, 0.9], [null, -0.3, 0.1], [0.7, 2.0, 1.1]], 8);
        var sweep = Path.Combine(_folder, "sweep.html");
        HtmlReport.Write(sweep, new HtmlReportModel
        {
            Title = "Keel sweep: sma-crossover", Settings = [], Runs = [SampleData.Run(1, "best: sma-crossover", "SPY", "with costs")],
            Sections = [new ReportSection("sharpe over the grid", $"<div id=\"sweep-heatmap\">{SweepHeatmapChart.Render(grid, (1, 2))}</div>")],
        });
        var (page, errors, requests) = await OpenAsync(sweep);
        var cells = (await SeriesAsync(page, "sweep-heatmap"))["sharpe"].GetProperty("data");
        cells.GetArrayLength().ShouldBe(8);
        await page.ScreenshotAsync(new PageScreenshotOptions { Path = Path.Combine(Screenshots, "sweep-report.png"), FullPage = true });
        errors.ShouldBeEmpty();
        requests.ShouldBeEmpty();

        var paper = SampleData.RandomWalk(7, 300);
        var replay = paper.Select(p => p with { Equity = p.Equity * 1.001 }).ToArray();
        var drift = Path.Combine(_folder, "drift.html");
        Gates.DriftHtml.Write(drift, new Core.Drift.DriftReport
        {
            From = SampleData.Start, To = SampleData.Start.AddDays(300), StartingEquity = 100_000m, CostModel = "realistic", TolerancePercent = 0.5m,
            Trades = [], PaperCurve = paper, ReplayCurve = replay, Summary = new Core.Gates.DriftSummary(0, 0, 0, 0, 1, 1.1),
            DailyReturnCorrelation = 0.99, MeanBuyDifferenceBps = 0, MeanSellDifferenceBps = 0, Explanation = "replay a little ahead",
        });
        (page, errors, requests) = await OpenAsync(drift);
        var curves = await SeriesAsync(page, "chart-drift");
        curves.Keys.ShouldBe(["paper", "replay"]);
        var last = curves["replay"].GetProperty("data");
        last[last.GetArrayLength() - 1][1].GetDouble().ShouldBe(Math.Round(replay[^1].Equity / 1_000, 4));
        await page.ScreenshotAsync(new PageScreenshotOptions { Path = Path.Combine(Screenshots, "drift-report.png"), FullPage = true });
        errors.ShouldBeEmpty();
        requests.ShouldBeEmpty();
    }

    /// <summary>Opens the file, records console errors and any request that leaves it, and waits until the page says its charts are drawn.</summary>
    private async Task<(IPage Page, List<string> Errors, List<string> Requests)> OpenAsync(string file)
    {
        var context = await _browser.NewContextAsync(new BrowserNewContextOptions { ViewportSize = new ViewportSize { Width = 1300, Height = 900 } });
        var page = await context.NewPageAsync();
        var errors = new List<string>();
        var requests = new List<string>();
        page.Console += (_, message) => { if (message.Type == "error") errors.Add(message.Text); };
        page.PageError += (_, error) => errors.Add(error);
        page.Request += (_, request) => { if (!request.Url.StartsWith("file:", StringComparison.Ordinal)) requests.Add(request.Url); };
        await page.GotoAsync(new Uri(file).AbsoluteUri);
        await page.WaitForFunctionAsync("() => document.body.hasAttribute('data-charts-drawn')");
        var drawn = await page.EvaluateAsync<int>("() => Number(document.body.dataset.chartsDrawn)");
        drawn.ShouldBe(await page.Locator("div.echart").CountAsync());
        drawn.ShouldBeGreaterThan(0);
        (await page.Locator("div.echart canvas").CountAsync()).ShouldBeGreaterThanOrEqualTo(drawn);
        return (page, errors, requests);
    }

    /// <summary>The series ECharts holds for the chart inside element <paramref name="id"/>, by name.</summary>
    private static async Task<Dictionary<string, JsonElement>> SeriesAsync(IPage page, string id)
    {
        var series = await page.EvaluateAsync<JsonElement>("""
            id => echarts.getInstanceByDom(document.querySelector(`#${id} div.echart`)).getOption().series
                .map(s => ({ name: s.name, type: s.type, data: s.data }))
            """, id);
        return series.EnumerateArray().ToDictionary(s => s.GetProperty("name").GetString()!);
    }

    private static string RepoRoot()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
            if (File.Exists(Path.Combine(dir.FullName, "Keel.slnx"))) return dir.FullName;
        throw new InvalidOperationException("Keel.slnx not found above " + AppContext.BaseDirectory);
    }

    public async Task DisposeAsync()
    {
        if (_browser is not null) await _browser.DisposeAsync();
        _playwright?.Dispose();
    }

    public void Dispose() => Directory.Delete(_folder, recursive: true);
}
