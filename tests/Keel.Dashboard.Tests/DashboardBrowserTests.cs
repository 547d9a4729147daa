using System.Globalization;
using System.Net;
using System.Net.Http.Headers;
using System.Text.Json;
using Keel.Core.Persistence;
using Keel.Live.Tests;
using Keel.Storage;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace Keel.Dashboard.Tests;

/// <summary>The dashboard in headless chromium over a store a real paper session wrote.</summary>
[Collection(DashboardCollection.Name)]
public sealed class DashboardBrowserTests(DashboardFixture f)
{
    private static readonly CultureInfo Invariant = CultureInfo.InvariantCulture;
    private static readonly LocatorAssertionsToHaveTextOptions Patient = new() { Timeout = 20_000 };

    static DashboardBrowserTests() => SetDefaultExpectTimeout(20_000);

    [Fact]
    public async Task Overview_shows_the_stores_equity_todays_pnl_and_positions()
    {
        var store = f.Paper.Store;
        var equity = store.LatestEquity()!.Equity;
        var today = store.DailyPnls()[^1];
        var positions = store.Positions().Where(p => p.Quantity != 0).ToList();
        positions.ShouldNotBeEmpty("the session should hold something at this point");

        var (page, errors) = await f.OpenAsync(f.Dashboard, "/");
        await Expect(page.Locator("#mode")).ToHaveTextAsync("PAPER");
        (await page.EvaluateAsync<bool>("() => document.body.classList.contains('mode-paper')")).ShouldBeTrue();
        await Expect(page.Locator("#equity")).ToHaveTextAsync(equity.ToString("N2", Invariant));
        await Expect(page.Locator("#today-pnl")).ToHaveTextAsync(today.Pnl.ToString("N2", Invariant));
        await Expect(page.Locator("#halted")).ToHaveTextAsync("running");
        await Expect(page.Locator("#fills")).ToHaveTextAsync(store.Fills().Count.ToString(Invariant));
        await Expect(page.Locator("#equity-chart canvas")).ToHaveCountAsync(1);

        await page.GotoAsync("/positions");
        await DashboardFixture.Rendered(page);
        var rows = page.Locator("#positions tbody tr");
        await Expect(rows).ToHaveCountAsync(positions.Count);
        var shown = new List<(string, string, decimal)>();
        for (var i = 0; i < positions.Count; i++)
        {
            var cells = await rows.Nth(i).Locator("td").AllTextContentsAsync();
            shown.Add((cells[0], cells[1], decimal.Parse(cells[2], Invariant)));
        }
        shown.ShouldBe(positions.Select(p => (p.Strategy, p.Symbol.Ticker, p.Quantity)), ignoreOrder: true);
        errors.ShouldBeEmpty();
    }

    [Fact]
    public async Task The_api_carries_the_stores_exact_numbers_under_the_names_the_checks_use()
    {
        using var http = new HttpClient { BaseAddress = f.Dashboard.BaseUrl };
        using var overview = JsonDocument.Parse(await http.GetStringAsync("api/overview"));
        var o = overview.RootElement;
        o.GetProperty("mode").GetString().ShouldBe("paper");
        o.GetProperty("equity").GetDecimal().ShouldBe(f.Paper.Store.LatestEquity()!.Equity);
        o.GetProperty("today_pnl").GetDecimal().ShouldBe(f.Paper.Store.DailyPnls()[^1].Pnl);
        o.GetProperty("halted").GetBoolean().ShouldBeFalse();
        o.GetProperty("heartbeat_age_seconds").GetDouble().ShouldBeInRange(0, 600);

        using var positions = JsonDocument.Parse(await http.GetStringAsync("api/positions"));
        positions.RootElement.EnumerateArray()
            .Select(p => (p.GetProperty("strategy").GetString(), p.GetProperty("symbol").GetString(), p.GetProperty("quantity").GetDecimal()))
            .ShouldBe(f.Paper.Store.Positions().Where(p => p.Quantity != 0).Select(p => ((string?)p.Strategy, (string?)p.Symbol.Ticker, p.Quantity)), ignoreOrder: true);
    }

    [Fact]
    public async Task A_fill_made_while_the_page_is_open_appears_without_a_reload()
    {
        var (page, errors) = await f.OpenAsync(f.Dashboard, "/");
        await page.EvaluateAsync("() => { window.keelTestMark = 'same page'; }");
        var before = f.Paper.Store.Fills().Count;
        await Expect(page.Locator("#fills")).ToHaveTextAsync(before.ToString(Invariant));

        // The session trades on: step bar by bar (bounded by the data) until it records a new fill.
        var end = PaperData.Start.AddDays(2);
        for (var t = f.Paper.Now + PaperData.Frame.Duration; t <= end && f.Paper.Store.Fills().Count == before; t += PaperData.Frame.Duration)
            await f.Paper.StepToAsync(t);
        var after = f.Paper.Store.Fills().Count;
        after.ShouldBeGreaterThan(before, "the session should fill another order before the data ends");

        await Expect(page.Locator("#fills")).ToHaveTextAsync(after.ToString(Invariant), Patient);
        await Expect(page.Locator("#equity")).ToHaveTextAsync(f.Paper.Store.LatestEquity()!.Equity.ToString("N2", Invariant), Patient);
        (await page.EvaluateAsync<string>("() => window.keelTestMark")).ShouldBe("same page", "the page was updated in place, not reloaded");
        // The change came as a "fills" event (a later equity or heartbeat event may already have replaced the label).
        await Expect(page.Locator("#live")).ToHaveAttributeAsync("data-seen", new System.Text.RegularExpressions.Regex(@"\bfills\b"));
        errors.ShouldBeEmpty();
    }

    [Fact]
    public async Task The_journal_shows_each_trades_reasons_from_the_store_and_links_it_to_its_orders()
    {
        using var reader = SqliteTradingStore.OpenReadOnly(f.StorePath);
        var (page, errors) = await f.OpenAsync(f.Dashboard, "/journal");
        var tradeRows = page.Locator("tr.journal-trade");
        await Expect(tradeRows.First).ToBeVisibleAsync();
        var first = tradeRows.First;
        var id = long.Parse((await first.GetAttributeAsync("data-trade-row"))!, Invariant);
        var trade = reader.FindTrade(id)!.Trade;
        (await first.Locator(".entry-reason").TextContentAsync()).ShouldBe(trade.EntryReason);
        (await first.Locator(".exit-reason").TextContentAsync()).ShouldBe(trade.ExitReason);

        await first.Locator("a.trade-orders").ClickAsync();
        var events = page.Locator("tr.events");
        await Expect(events).ToBeVisibleAsync();
        foreach (var fill in reader.FillsAt(trade.Strategy, trade.Symbol.Ticker, [trade.EntryTime, trade.ExitTime]))
            await Expect(events).ToContainTextAsync(fill.Fill.ClientOrderId);

        // Filtering by strategy leaves only that strategy's lines.
        await page.Locator("select[name=strategy]").SelectOptionAsync(trade.Strategy);
        var renders = int.Parse((await page.EvaluateAsync<string>("() => document.body.dataset.rendered"))!, Invariant);
        await page.Locator("#journal-filters button[type=submit]").ClickAsync();
        await DashboardFixture.Rendered(page, renders + 1);
        var strategies = await page.Locator("#journal tbody tr td:nth-child(3)").AllTextContentsAsync();
        strategies.ShouldNotBeEmpty();
        strategies.ShouldAllBe(s => s == trade.Strategy);
        errors.ShouldBeEmpty();
    }

    [Fact]
    public async Task Each_page_renders_without_console_errors_and_is_saved_as_a_screenshot()
    {
        var (page, errors) = await f.OpenAsync(f.Dashboard, "");
        foreach (var (path, name) in new[] { ("/", "overview"), ("/positions", "positions"), ("/strategies", "strategies"), ("/journal", "journal"), ("/alerts", "alerts"), ("/backtests", "backtests") })
        {
            await page.GotoAsync(path);
            await DashboardFixture.Rendered(page);
            var file = Path.Combine(DashboardFixture.Screenshots, name + ".png");
            await page.ScreenshotAsync(new PageScreenshotOptions { Path = file, FullPage = name != "journal" }); // the journal is hundreds of lines: its first screen
            new FileInfo(file).Length.ShouldBeGreaterThan(10_000, name);
            if (name == "alerts") await Expect(page.Locator("#alerts")).ToContainTextAsync("test alert: positions differ <b>not html</b>");
            if (name == "strategies") await Expect(page.Locator("#strategies")).ToContainTextAsync("runs in strategy_comparison.csv");
            if (name == "backtests")
            {
                await Expect(page.Locator("#comparison-0 tbody tr")).ToHaveCountAsync(f.ComparisonRows);
                foreach (var chart in new[] { "#bars-0", "#scatter-0", "#overlay-0", "#sweep-0" })
                    await Expect(page.Locator(chart + " canvas").First).ToBeVisibleAsync(); // ECharts may layer several canvases
            }
        }
        errors.ShouldBeEmpty();
    }

    [Fact]
    public async Task A_token_is_required_on_every_request_once_set_and_binding_beyond_loopback_needs_one()
    {
        Should.Throw<DashboardOptionsException>(() => new DashboardOptions { Mode = "paper", Bind = "0.0.0.0" }.ListenAddress())
            .Message.ShouldContain("KEEL_DASHBOARD_TOKEN");
        await Should.ThrowAsync<DashboardOptionsException>(() => DashboardServer.StartAsync(f.Options() with { Bind = "0.0.0.0" }));
        new DashboardOptions { Mode = "paper", Bind = "0.0.0.0", Token = "x" }.ListenAddress().ShouldBe(IPAddress.Any);

        const string token = "dashboard-test-token-0123456789";
        await using var guarded = await DashboardServer.StartAsync(f.Options() with { Token = token });
        using var http = new HttpClient { BaseAddress = guarded.BaseUrl };
        (await http.GetAsync("api/overview")).StatusCode.ShouldBe(HttpStatusCode.Unauthorized);
        (await http.GetAsync("assets/app.js")).StatusCode.ShouldBe(HttpStatusCode.Unauthorized);
        using (var wrong = new HttpRequestMessage(HttpMethod.Get, "api/overview") { Headers = { Authorization = new AuthenticationHeaderValue("Bearer", token + "x") } })
            (await http.SendAsync(wrong)).StatusCode.ShouldBe(HttpStatusCode.Unauthorized);
        using (var right = new HttpRequestMessage(HttpMethod.Get, "api/overview") { Headers = { Authorization = new AuthenticationHeaderValue("Bearer", token) } })
            (await http.SendAsync(right)).StatusCode.ShouldBe(HttpStatusCode.OK);

        var (page, errors) = await f.OpenAsync(guarded, "");
        (await page.GotoAsync("/"))!.Status.ShouldBe(401);
        await page.GotoAsync("about:blank");
        errors.Clear(); // the browser reports the refused page itself as a failed load: that one is the point
        await page.GotoAsync("/?token=" + token);
        await DashboardFixture.Rendered(page);
        new Uri(page.Url).Query.ShouldBeEmpty("the token leaves the address once it is in the cookie");
        await Expect(page.Locator("#equity")).ToHaveTextAsync(f.Paper.Store.LatestEquity()!.Equity.ToString("N2", Invariant));
        await Expect(page.Locator("#live")).ToContainTextAsync("live");
        errors.ShouldBeEmpty();
    }

    [Fact]
    public async Task Control_is_absent_without_allow_control_and_halts_through_a_confirmation_with_it()
    {
        var (readOnly, errors) = await f.OpenAsync(f.Dashboard, "/");
        await Expect(readOnly.Locator("#halt")).ToHaveCountAsync(0);
        await Expect(readOnly.Locator("#control")).ToHaveCountAsync(0);
        using (var http = new HttpClient { BaseAddress = f.Dashboard.BaseUrl })
            (await http.PostAsync("api/control/halt", new FormUrlEncodedContent([new("reason", "x")]))).IsSuccessStatusCode.ShouldBeFalse();
        f.Paper.Store.Halt().Halted.ShouldBeFalse();

        await using var controlled = await DashboardServer.StartAsync(f.Options() with { AllowControl = true });
        try
        {
            using (var http = new HttpClient { BaseAddress = controlled.BaseUrl })
                (await http.PostAsync("api/control/halt", new FormUrlEncodedContent([new("reason", "forged")]))).StatusCode.ShouldBe(HttpStatusCode.BadRequest);
            f.Paper.Store.Halt().Halted.ShouldBeFalse("a POST without the anti-forgery token changes nothing");

            var (page, controlErrors) = await f.OpenAsync(controlled, "/");
            await page.Locator("#halt").ClickAsync();
            await Expect(page.Locator("#confirm")).ToBeVisibleAsync();
            await page.Locator("#confirm-reason").FillAsync("halted by the browser test");
            await page.Locator("#confirm-ok").ClickAsync();
            await Expect(page.Locator("#halted")).ToHaveTextAsync("HALTED", Patient);
            var halt = f.Paper.Store.Halt();
            halt.Halted.ShouldBeTrue();
            halt.Reason.ShouldBe("halted by the browser test");
            halt.Flatten.ShouldBeFalse();
            await page.ScreenshotAsync(new PageScreenshotOptions { Path = Path.Combine(DashboardFixture.Screenshots, "overview-halted-control.png"), FullPage = true });

            await page.Locator("#resume").ClickAsync();
            await page.Locator("#confirm-ok").ClickAsync();
            await Expect(page.Locator("#halted")).ToHaveTextAsync("running", Patient);
            f.Paper.Store.Halt().Halted.ShouldBeFalse();
            controlErrors.ShouldBeEmpty();
        }
        finally
        {
            f.Paper.Store.SetHalt(HaltState.Running);
        }
        errors.ShouldBeEmpty();
    }

    [Fact]
    public async Task Without_a_store_yet_the_backtests_page_works_and_the_live_pages_say_why_they_are_empty()
    {
        using var empty = new TempDirectory();
        await using var fresh = await DashboardServer.StartAsync(f.Options() with { SqlitePath = empty.Combine("data", "paper-sim.db") });
        var (page, errors) = await f.OpenAsync(fresh, "/backtests");
        await Expect(page.Locator("#mode")).ToHaveTextAsync("PAPER");
        await Expect(page.Locator("#comparison-0 tbody tr")).ToHaveCountAsync(f.ComparisonRows);
        errors.ShouldBeEmpty();

        using var http = new HttpClient { BaseAddress = fresh.BaseUrl };
        var overview = await http.GetAsync("api/overview");
        overview.StatusCode.ShouldBe(HttpStatusCode.ServiceUnavailable);
        (await overview.Content.ReadAsStringAsync()).ShouldContain("There is no store at");
        File.Exists(empty.Combine("data", "paper-sim.db")).ShouldBeFalse("a reader never creates the store");
    }
}
