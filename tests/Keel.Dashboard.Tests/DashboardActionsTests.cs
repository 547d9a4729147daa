using System.Globalization;
using System.Net;
using System.Text.Json;
using Keel.Core.Gates;
using Keel.Core.Persistence;
using Keel.Reporting.Pages;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace Keel.Dashboard.Tests;

/// <summary>What the dashboard's first version lacked: acknowledging an alert, gates and capital stage, a run's price chart with its trades.</summary>
[Collection(DashboardCollection.Name)]
public sealed class DashboardActionsTests(DashboardFixture f)
{
    private static readonly LocatorAssertionsToHaveTextOptions Patient = new() { Timeout = 20_000 };

    static DashboardActionsTests() => SetDefaultExpectTimeout(20_000);

    [Fact]
    public async Task An_alert_acknowledged_on_the_page_is_acknowledged_in_the_store_and_the_write_needs_control_and_the_token()
    {
        var store = f.Paper.Store;
        var id = store.RaiseAlert(new NewAlert(f.Paper.Now, "drawdown", AlertSeverity.Warning, "acknowledge me from the browser", Condition: "test:dashboard-ack"), [])!.Value;

        // Read-only (the default): listed as open, no button, and the POST is not even mapped.
        var (readOnly, errors) = await f.OpenAsync(f.Dashboard, "/alerts");
        await Expect(readOnly.Locator($"tr[data-alert='{id}'] .alert-state")).ToHaveTextAsync("open");
        await Expect(readOnly.Locator("button.ack")).ToHaveCountAsync(0);
        using (var http = new HttpClient { BaseAddress = f.Dashboard.BaseUrl })
            (await http.PostAsync($"api/control/alerts/{id}/ack", null)).IsSuccessStatusCode.ShouldBeFalse();
        store.FindAlert(id)!.AckedAt.ShouldBeNull();

        const string token = "dashboard-ack-token-0123456789abcdef";
        await using var controlled = await DashboardServer.StartAsync(f.Options() with { AllowControl = true, Token = token });
        using (var http = new HttpClient { BaseAddress = controlled.BaseUrl })
        {
            // Without the token the write never reaches the store; with it but without the anti-forgery token, neither.
            (await http.PostAsync($"api/control/alerts/{id}/ack", null)).StatusCode.ShouldBe(HttpStatusCode.Unauthorized);
            using var bearer = new HttpRequestMessage(HttpMethod.Post, $"api/control/alerts/{id}/ack") { Headers = { Authorization = new("Bearer", token) } };
            (await http.SendAsync(bearer)).StatusCode.ShouldBe(HttpStatusCode.BadRequest);
        }
        store.FindAlert(id)!.AckedAt.ShouldBeNull();

        var (page, controlErrors) = await f.OpenAsync(controlled, "");
        await page.GotoAsync("/alerts?token=" + token);
        await DashboardFixture.Rendered(page);
        var row = page.Locator($"tr[data-alert='{id}']");
        await row.Locator("button.ack").ClickAsync();
        await Expect(row.Locator(".alert-state")).ToContainTextAsync("acked", new LocatorAssertionsToContainTextOptions { Timeout = 20_000 });
        var acked = store.FindAlert(id)!;
        acked.AckedAt.ShouldNotBeNull();
        acked.IsOpen.ShouldBeFalse();
        store.OpenAlerts().ShouldNotContain(a => a.Id == id);
        await Expect(row.Locator("button.ack")).ToHaveCountAsync(0);
        await page.ScreenshotAsync(new PageScreenshotOptions { Path = Path.Combine(DashboardFixture.Screenshots, "alerts-acknowledged-control.png"), FullPage = true });
        controlErrors.ShouldBeEmpty();
        errors.ShouldBeEmpty();
    }

    [Fact]
    public async Task The_overview_shows_the_sessions_gate_and_the_capital_stage_the_store_holds()
    {
        var gates = (IGateStore)f.Paper.Store;
        var version = gates.SessionStarts()[^1].Version;
        gates.RecordGateResult(new GateResult(version, f.Paper.Now,
        [
            new GateRuleResult("min-trades", "sma-crossover", GateStatus.Pass, "42 closed trades, at least 30"),
            new GateRuleResult("paper-days", "paper", GateStatus.Fail, "2 days of paper trading, fewer than 20"),
            new GateRuleResult("deflated-sharpe", "rsi", GateStatus.Warn, "deflated Sharpe 0.91 below 0.95"),
        ]));
        gates.RecordCapitalChange(new CapitalChange(f.Paper.Now, 2, 25m, "promote", "tester", "a month at stage 1 within its limits"));

        var (page, errors) = await f.OpenAsync(f.Dashboard, "/");
        await Expect(page.Locator("#gate-status")).ToHaveTextAsync("FAIL", Patient);
        await Expect(page.Locator("#capital-stage")).ToHaveTextAsync("stage 2 · 25%");
        await Expect(page.Locator("#capital-stage + .sub")).ToContainTextAsync("promote by tester");
        var rules = page.Locator("#gate-rules tbody tr");
        await Expect(rules).ToHaveCountAsync(3);
        await Expect(rules.Nth(1)).ToContainTextAsync("2 days of paper trading, fewer than 20");
        await Expect(rules.Nth(1).Locator(".rule-status")).ToHaveTextAsync("FAIL");
        await Expect(page.Locator("#gate-status + .sub")).ToContainTextAsync(version);

        using var http = new HttpClient { BaseAddress = f.Dashboard.BaseUrl };
        using var overview = JsonDocument.Parse(await http.GetStringAsync("api/overview"));
        overview.RootElement.GetProperty("gate_status").GetString().ShouldBe("FAIL");
        overview.RootElement.GetProperty("capital_stage").GetInt32().ShouldBe(2);
        overview.RootElement.GetProperty("gates").GetProperty("capital").GetProperty("percent").GetDecimal().ShouldBe(25m);
        errors.ShouldBeEmpty();
    }

    [Fact]
    public async Task A_single_runs_page_draws_each_symbols_price_with_its_trades_entries_and_exits_in_the_chart()
    {
        f.RunTrades.ShouldNotBeEmpty("the run should trade");
        var (page, errors) = await f.OpenAsync(f.Dashboard, "/backtests");
        await page.Locator($"#runs a.run-link:text-is('{DashboardFixture.RunFolder}')").ClickAsync();
        await page.WaitForURLAsync("**/run?folder=" + DashboardFixture.RunFolder);
        await DashboardFixture.Rendered(page);

        foreach (var symbol in f.Paper.Bars.Select(b => b.Symbol.Ticker))
        {
            var trades = f.RunTrades.Where(t => t.Symbol.Ticker == symbol).ToList();
            await Expect(page.Locator($".chart[data-symbol='{symbol}'] canvas").First).ToBeVisibleAsync();
            // What the chart holds, from ECharts itself: the close line and one marker per entry and per exit.
            var series = await page.EvaluateAsync<JsonElement>("""
                symbol => echarts.getInstanceByDom(document.querySelector(`.chart[data-symbol="${symbol}"]`)).getOption().series
                    .map(s => ({ name: s.name, type: s.type, data: s.data }))
                """, symbol);
            var byName = series.EnumerateArray().ToDictionary(s => s.GetProperty("name").GetString()!);
            byName["close"].GetProperty("type").GetString().ShouldBe("line");
            var close = Points(byName["close"]);
            close.Count.ShouldBeGreaterThan(10);
            var bars = f.Paper.Bars.Single(b => b.Symbol.Ticker == symbol);
            close[0].ShouldBe((ResultsFolderReader.UnixMs(bars[0].Timestamp), bars[0].Close));
            close[^1].ShouldBe((ResultsFolderReader.UnixMs(bars[bars.Count - 1].Timestamp), bars[bars.Count - 1].Close));
            Points(byName["entries"]).ShouldBe(trades.Select(t => (ResultsFolderReader.UnixMs(t.EntryTime), (double)t.EntryPrice)));
            Points(byName["exits"]).ShouldBe(trades.Select(t => (ResultsFolderReader.UnixMs(t.ExitTime), (double)t.ExitPrice)));
            await Expect(page.Locator($"h2:has-text('{symbol}: {trades.Count} trades')")).ToHaveCountAsync(1);
        }
        await page.ScreenshotAsync(new PageScreenshotOptions { Path = Path.Combine(DashboardFixture.Screenshots, "run.png"), FullPage = true });
        errors.ShouldBeEmpty();

        using var http = new HttpClient { BaseAddress = f.Dashboard.BaseUrl };
        (await http.GetAsync("api/backtests/runs/backtests")).StatusCode.ShouldBe(HttpStatusCode.NotFound, "a folder that is not a run");
        (await http.GetAsync("api/backtests/runs/no-such-run")).StatusCode.ShouldBe(HttpStatusCode.NotFound);
        // A name never leaves the results folder (the HTTP client would already fold '..' away, so asked directly).
        // From inside the run folder, its own name via '..' would be a run: refused, as is any name with a path in it.
        foreach (var escape in new[] { "..", ".", Path.Combine("..", DashboardFixture.RunFolder) })
            ResultsFolderReader.ReadRun(f.Results.Combine(DashboardFixture.RunFolder), escape).ShouldBeNull(escape);
        ResultsFolderReader.ReadRun(f.Results.Path, DashboardFixture.RunFolder).ShouldNotBeNull();
    }

    private static List<(long, double)> Points(JsonElement series) => series.GetProperty("data").EnumerateArray()
        .Select(p => (p[0].GetInt64(), p[1].GetDouble())).ToList();
}
