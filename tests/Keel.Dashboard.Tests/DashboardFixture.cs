using System.Globalization;
using Keel.Core.Backtest;
using Keel.Core.Persistence;
using Keel.Core.Strategies;
using Keel.Live.Tests;
using Keel.Reporting;
using Microsoft.Playwright;

namespace Keel.Dashboard.Tests;

/// <summary>
/// One paper session on the in-process sim (a day and a half of 15-minute bars, real SQLite file), a results
/// folder made by real backtests of the same strategies, a read-only dashboard over both, and Debian's chromium.
/// </summary>
public sealed class DashboardFixture : IAsyncLifetime
{
    public const string Chromium = "/usr/bin/chromium";
    private static readonly string[] ChromiumArgs = ["--headless", "--no-sandbox", "--disable-gpu", "--no-first-run", "--disable-background-networking"];

    internal PaperHarness Paper { get; private set; } = null!;
    public DashboardServer Dashboard { get; private set; } = null!;
    public IPlaywright Playwright { get; private set; } = null!;
    public IBrowser Browser { get; private set; } = null!;
    public TempDirectory Results { get; } = new();
    public int ComparisonRows { get; private set; }

    /// <summary>The single backtest folder (what keel backtest --out writes, less its PNG and HTML) and the run's trades.</summary>
    public const string RunFolder = "sma-run";
    public IReadOnlyList<Core.Trading.Trade> RunTrades { get; private set; } = [];

    /// <summary>Screenshots land here (test artefacts): TestResults/dashboard at the repository root.</summary>
    public static string Screenshots { get; } = Path.Combine(KeelCli.RepoRoot, "TestResults", "dashboard");

    public string StorePath => Paper.Settings.SqlitePath;

    public async Task InitializeAsync()
    {
        if (!File.Exists(Chromium))
            throw new InvalidOperationException($"The browser tests need Debian's chromium at {Chromium} (apt-get install chromium; .ci/run installs it).");
        Paper = await PaperHarness.StartAsync(days: 2);
        await Paper.RunUntilAsync(PaperData.Start.AddDays(1).AddHours(18));
        Paper.Store.RecordAlert(new StoredAlert(Paper.Now, "reconciliation", "warning", "test alert: positions differ <b>not html</b>"));
        WriteResults();
        Dashboard = await DashboardServer.StartAsync(Options());
        Playwright = await Microsoft.Playwright.Playwright.CreateAsync();
        Browser = await Playwright.Chromium.LaunchAsync(new BrowserTypeLaunchOptions { ExecutablePath = Chromium, Headless = true, Args = ChromiumArgs });
        Directory.CreateDirectory(Screenshots);
    }

    /// <summary>The dashboard's settings for this session's store; tests vary token and control.</summary>
    public DashboardOptions Options() => new()
    {
        Mode = "paper",
        SqlitePath = StorePath,
        ResultsFolder = Results.Path,
        Port = 0,
        WatchInterval = TimeSpan.FromMilliseconds(200),
    };

    /// <summary>What keel compare writes (summary CSV and one equity curve per run) and a small sweep CSV, from real backtests of the paper strategies.</summary>
    private void WriteResults()
    {
        var rows = new List<SummaryRow>();
        Directory.CreateDirectory(Results.Combine("backtests"));
        foreach (var spec in StrategyText.ParseList(PaperHarness.Strategies))
        {
            foreach (var series in Paper.Bars)
            {
                foreach (var costs in new[] { "no costs", "with costs" })
                {
                    var settings = new BacktestSettings { StartingCash = 100_000m, Risk = Paper.Settings.Risk };
                    if (costs == "no costs") settings = settings with { Broker = Core.Costs.BrokerModel.Frictionless };
                    var result = Backtester.Run(settings, [series], [spec]);
                    rows.Add(new SummaryRow(spec.Text, series.Symbol.Ticker, costs, result.Metrics));
                    ResultCsvWriter.WriteEquityCurve(Results.Combine("backtests", ResultFileNames.ComparisonCurve(spec.Text, series.Symbol.FileSafeName, costs)),
                        result.EquityCurve, settings.StartingCash);
                }
            }
        }
        ResultCsvWriter.WriteSummary(Results.Combine("strategy_comparison.csv"), rows);
        ComparisonRows = rows.Count;
        var sweep = new System.Text.StringBuilder("fast,slow,total_return_pct,max_drawdown_pct,sharpe,sortino,calmar,win_rate_pct,trades,daily_sharpe\n");
        foreach (var fast in new[] { 2, 3, 4 })
            foreach (var slow in new[] { 8, 10, 12 })
                sweep.Append(CultureInfo.InvariantCulture, $"{fast},{slow},{fast - slow / 4.0},1.5,{(fast * slow % 7) / 3.0 - 1},0,0,50,{fast + slow},0\n");
        File.WriteAllText(Results.Combine("sweep_sma-crossover.csv"), sweep.ToString());

        // One run over every symbol, with the same writers keel backtest --out uses.
        var single = StrategyText.ParseList(PaperHarness.Strategies)[0];
        var runSettings = new BacktestSettings { StartingCash = 100_000m, Risk = Paper.Settings.Risk };
        var run = Backtester.Run(runSettings, Paper.Bars, [single]);
        RunTrades = run.Trades;
        var folder = Results.Combine(RunFolder);
        Directory.CreateDirectory(folder);
        ResultCsvWriter.WriteTrades(Path.Combine(folder, "trades.csv"), run.Trades);
        ResultCsvWriter.WriteEquityCurve(Path.Combine(folder, "equity.csv"), run.EquityCurve, runSettings.StartingCash);
        ResultCsvWriter.WriteSummary(Path.Combine(folder, "summary.csv"), [new SummaryRow(single.Text, string.Join(",", run.Symbols), "with costs", run.Metrics)]);
        PriceCsv.Write(Path.Combine(folder, PriceCsv.FileName), Paper.Bars, null);
    }

    /// <summary>A page of <paramref name="server"/> that records every console error and uncaught exception.</summary>
    public async Task<(IPage Page, List<string> Errors)> OpenAsync(DashboardServer server, string path)
    {
        var context = await Browser.NewContextAsync(new BrowserNewContextOptions { BaseURL = server.BaseUrl.ToString(), ViewportSize = new ViewportSize { Width = 1400, Height = 1000 } });
        var page = await context.NewPageAsync();
        var errors = new List<string>();
        page.Console += (_, message) => { if (message.Type == "error") errors.Add(message.Text); };
        page.PageError += (_, error) => errors.Add(error);
        if (path.Length > 0)
        {
            await page.GotoAsync(path);
            await Rendered(page);
        }
        return (page, errors);
    }

    /// <summary>Waits until the page's script has drawn it (it counts its renders on the body), not for a fixed time.</summary>
    public static Task Rendered(IPage page, int atLeast = 1) =>
        page.WaitForFunctionAsync($"() => Number(document.body.dataset.rendered || 0) >= {atLeast}");

    public async Task DisposeAsync()
    {
        if (Browser is not null) await Browser.DisposeAsync();
        Playwright?.Dispose();
        if (Dashboard is not null) await Dashboard.DisposeAsync();
        if (Paper is not null) await Paper.DisposeAsync();
        Results.Dispose();
    }
}
