using System.Text.Json;
using Keel.Alerts;
using Keel.Alerts.Sinks;
using Keel.Alpaca;
using Keel.AlpacaSim.Faults;
using Keel.Core.Backtest;
using Keel.Core.Costs;
using Keel.Core.Degradation;
using Keel.Core.Domain;
using Keel.Core.Persistence;
using Keel.Live.Alerts;
using Keel.Live.Config;
using Keel.Live.Drift;
using Keel.Live.Gates;
using Keel.Live.Tests.Alerts;
using Microsoft.Extensions.Logging.Abstractions;

namespace Keel.Live.Tests;

/// <summary>
/// The service holds live trading against the backtest (paper sessions on the in-process sim, its clock moved by the
/// test; real SQLite files; alerts delivered to a real webhook listener on loopback): the version's backtest
/// expectation recorded from the bars before it went live, the degradation alert, the nightly drift run and its
/// alert, and the weekly review's live-vs-backtest section.
/// </summary>
public sealed class VersusBacktestTests
{
    private static readonly DateTime MondayClose = new(2024, 12, 16, 21, 0, 0, DateTimeKind.Utc);
    private static readonly DateTime FridayClose = new(2024, 12, 20, 21, 0, 0, DateTimeKind.Utc);

    private static Func<LiveSettings, LiveSettings> WithWebhook(LoopbackHttp http, string? reports = null, DegradationSettings? degradation = null) => s => s with
    {
        Alerts = s.Alerts with
        {
            Sinks = [new SinkDefinition("webhook-1", AlertSeverity.Warning) { Webhook = new WebhookSinkSettings(new Uri(http.BaseUrl, "hook"), WebhookFormat.Json) }],
            ReportsDirectory = reports ?? s.Alerts.ReportsDirectory,
            Degradation = degradation ?? s.Alerts.Degradation,
        },
    };

    private static async Task DeliverAsync(PaperHarness paper)
    {
        using var client = new HttpClient();
        var sender = new AlertSender(paper.Store, paper.Settings.Alerts.Sinks.Select(s => s.Create(client)), TimeProvider.System, NullLogger.Instance, "test");
        await sender.SendDueAsync(CancellationToken.None);
    }

    private static int Received(LoopbackHttp http, string kind) => http.Requests.Count(r =>
    {
        using var json = JsonDocument.Parse(r.Body);
        return json.RootElement.TryGetProperty("kind", out var k) && k.GetString() == kind;
    });

    [Fact]
    public async Task The_expectation_is_the_backtest_of_the_bars_before_the_version_went_live_recorded_once()
    {
        // Two weeks of history before Monday, when the service starts.
        await using var paper = await PaperHarness.StartAsync(folder => PaperData.Write(folder, new DateTime(2024, 12, 2, 0, 0, 0, DateTimeKind.Utc), PaperData.Start.AddDays(1)),
            PaperData.Start);
        var liveFrom = paper.Now;
        await paper.StepToAsync(liveFrom.AddMinutes(15));

        var store = (IDegradationStore)paper.Store;
        var version = LiveVersion.Of(paper.Settings);
        var expectations = store.Expectations(version);
        expectations.Select(e => e.Strategy).ShouldBe(paper.Settings.Strategies.Select(s => s.Create().Name));
        paper.Session.Expectations!.Select(e => (e.Strategy, e.Trades)).ShouldBe(expectations.Select(e => (e.Strategy, e.Trades)));

        // What the backtester makes of the same bars (completed before the start), strategies, risk and costs.
        var before = paper.Bars.Select(s => new BarSeries(s.Symbol, s.Timeframe, [.. s.Span.ToArray().Where(b => b.Timestamp + s.Timeframe.Duration <= liveFrom)])).ToList();
        var backtest = Backtester.Run(new BacktestSettings
        {
            FillModel = FillModel.Close,
            Broker = BrokerModel.Alpaca(cryptoMinimumNotional: paper.Settings.CryptoMinimumNotional),
            Risk = paper.Settings.Risk,
            RegularHoursOnly = true,
            CloseAtEnd = false,
        }, before, paper.Settings.Strategies);
        foreach (var e in expectations)
        {
            e.LiveFrom.ShouldBe(liveFrom);
            e.HistoryFrom.ShouldBe(before.Min(b => b[0].Timestamp), "the first bar of the history");
            e.HistoryTo.ShouldBeLessThan(liveFrom);
            e.Trades.ShouldBeGreaterThan(5, $"{e.Strategy} trades in two weeks");
            e.TradeReturnsPct.ShouldBe(backtest.Trades.Where(t => t.Strategy == e.Strategy).OrderBy(t => t.ExitTime).Select(t => t.ReturnPct), tolerance: 1e-12);
        }

        // A restart reads it back: the yardstick of a version never moves.
        await paper.RestartAsync();
        await paper.StepToAsync(liveFrom.AddMinutes(30));
        ((IDegradationStore)paper.Store).Expectations(version).Select(e => (e.Strategy, e.Time, e.Trades)).ShouldBe(expectations.Select(e => (e.Strategy, e.Time, e.Trades)));
        paper.Session.Expectations!.Select(e => e.Time).ShouldBe(expectations.Select(e => e.Time));
    }

    [Fact]
    public async Task Live_trades_far_below_the_expectation_raise_one_degradation_alert_per_strategy_delivered_once()
    {
        using var http = new LoopbackHttp { Status = System.Net.HttpStatusCode.OK };
        await using var paper = await PaperHarness.StartAsync(days: 1, configure: WithWebhook(http, degradation: new DegradationSettings { MinTrades = 3, Window = 10 }));
        // The yardstick, as if recorded at the start: every backtest trade made exactly +5%, so any live trade short of that is below every band.
        var version = LiveVersion.Of(paper.Settings);
        var names = paper.Settings.Strategies.Select(s => s.Create().Name).ToList();
        var recorded = DateTime.UtcNow;
        ((IDegradationStore)paper.Store).RecordExpectations([.. names.Select(n =>
            new BacktestExpectation(version, n, recorded, paper.Now, paper.Now.AddDays(-730), paper.Now.AddMinutes(-15), [.. Enumerable.Repeat(5.0, 40)]))]);

        await paper.RunUntilAsync(PaperData.Start.AddHours(22));
        await DeliverAsync(paper);

        var alerts = paper.Store.AllAlerts().Where(a => a.Kind == AlertKinds.Degradation).ToList();
        alerts.ShouldNotBeEmpty();
        foreach (var group in alerts.GroupBy(a => a.Strategy))
        {
            var alert = group.ShouldHaveSingleItem($"{group.Key}: one alert however many trades follow");
            alert.Severity.ShouldBe(AlertSeverity.Critical);
            alert.ResolvedAt.ShouldBeNull();
            alert.Message.ShouldContain("degraded over the last");
            alert.Message.ShouldContain("live trades");
            alert.Message.ShouldContain("average trade");
            alert.Message.ShouldContain("below the backtest's 95% band [5.00%, 5.00%]");
        }
        var trades = paper.Store.Trades();
        foreach (var name in names.Where(n => trades.Count(t => t.Strategy == n) >= 3))
            alerts.ShouldContain(a => a.Strategy == name, $"{name} closed enough trades to be judged");
        Received(http, AlertKinds.Degradation).ShouldBe(alerts.Count);
        paper.Store.Deliveries().Where(d => alerts.Any(a => a.Id == d.AlertId)).ShouldAllBe(d => d.DeliveredAt != null && d.Attempts == 1);

        await DeliverAsync(paper);
        Received(http, AlertKinds.Degradation).ShouldBe(alerts.Count, "delivered once");
    }

    [Fact]
    public async Task After_the_close_the_service_stores_the_nights_drift_run_as_keel_drift_computes_it_once_per_night()
    {
        await using var paper = await PaperHarness.StartAsync(days: 2);
        await paper.RunUntilAsync(MondayClose.AddMinutes(-15));
        var runs = (IDegradationStore)paper.Store;
        runs.LatestDriftRun().ShouldBeNull("the day is not over");

        await paper.StepToAsync(MondayClose.AddMinutes(15));
        var run = runs.LatestDriftRun().ShouldNotBeNull();
        run.Day.ShouldBe("2024-12-16");
        using var client = new AlpacaClient(new AlpacaOptions { KeyId = "PKTEST", SecretKey = "test-secret", TradingBaseUrl = paper.Sim.BaseUrl, DataBaseUrl = paper.Sim.BaseUrl });
        var replay = await DriftReplay.RunAsync(paper.Settings, new AlpacaMarketData(client), paper.Store);
        run.Summary.ShouldBe(replay.Summary, "the same computation as keel drift");
        run.Summary.Matched.ShouldBeGreaterThan(10);
        run.WithinTolerance.ShouldBe(replay.Summary.WithinTolerance(paper.Settings.Gates.MaxPaperDriftPercent));
        paper.Store.AllAlerts().Any(a => a.Kind == AlertKinds.Drift && a.ResolvedAt == null).ShouldBe(!run.WithinTolerance);
        using (var json = JsonDocument.Parse(run.Json))
        {
            json.RootElement.GetProperty("matched").GetInt32().ShouldBe(run.Summary.Matched);
            json.RootElement.GetProperty("return_difference_pct").GetDouble().ShouldBe(run.Summary.ReturnDifferencePct, 1e-6);
        }

        await paper.StepToAsync(MondayClose.AddMinutes(30));
        await paper.RestartAsync();
        await paper.StepToAsync(MondayClose.AddMinutes(45));
        runs = (IDegradationStore)paper.Store;
        runs.LatestDriftRun()!.Time.ShouldBe(run.Time, "one run per night, even across a restart");
    }

    [Fact]
    public async Task Paper_that_departs_from_the_backtest_raises_one_drift_alert_delivered_once_that_stays_quiet_the_next_night()
    {
        using var http = new LoopbackHttp { Status = System.Net.HttpStatusCode.OK };
        await using var paper = await PaperHarness.StartAsync(days: 2, configure: WithWebhook(http));
        // The first orders are refused for buying power: the replay makes trades paper never did.
        paper.Sim.Faults.Set(new FaultSettings { RejectBuyingPower = 3 });
        await paper.RunUntilAsync(MondayClose.AddMinutes(15));
        await DeliverAsync(paper);

        var run = ((IDegradationStore)paper.Store).LatestDriftRun().ShouldNotBeNull();
        run.WithinTolerance.ShouldBeFalse();
        run.Summary.Missed.ShouldBeGreaterThan(0);
        var drift = paper.Store.AllAlerts().Where(a => a.Kind == AlertKinds.Drift).ShouldHaveSingleItem();
        drift.Message.ShouldContain("night of 2024-12-16");
        drift.Message.ShouldContain($"{run.Summary.Missed} missed");
        drift.ResolvedAt.ShouldBeNull();
        Received(http, AlertKinds.Drift).ShouldBe(1);

        await paper.StepToAsync(MondayClose.AddDays(1).AddMinutes(15));
        await DeliverAsync(paper);
        ((IDegradationStore)paper.Store).LatestDriftRun()!.Day.ShouldBe("2024-12-17");
        paper.Store.AllAlerts().Count(a => a.Kind == AlertKinds.Drift).ShouldBe(1, "the condition is still raised: no second alert");
        Received(http, AlertKinds.Drift).ShouldBe(1);
    }

    [Fact]
    public async Task The_weekly_review_holds_each_strategy_against_its_backtest_and_the_latest_drift()
    {
        using var http = new LoopbackHttp { Status = System.Net.HttpStatusCode.OK };
        var reports = Directory.CreateTempSubdirectory("keel-reports-").FullName;
        await using var paper = await PaperHarness.StartAsync(days: 5, configure: WithWebhook(http, reports));
        var version = LiveVersion.Of(paper.Settings);
        var names = paper.Settings.Strategies.Select(s => s.Create().Name).ToList();
        var recorded = DateTime.UtcNow;
        ((IDegradationStore)paper.Store).RecordExpectations([.. names.Select(n =>
            new BacktestExpectation(version, n, recorded, paper.Now, paper.Now.AddDays(-730), paper.Now.AddMinutes(-15), [.. Enumerable.Repeat(5.0, 40)]))]);

        await paper.RunUntilAsync(MondayClose.AddMinutes(15));
        await paper.StepToAsync(FridayClose.AddMinutes(15));

        var weekly = paper.Store.AllAlerts().Where(a => a.Kind == "report-weekly").ShouldHaveSingleItem();
        weekly.Message.ShouldContain("live vs backtest:");
        var trades = paper.Store.Trades();
        foreach (var name in names)
        {
            weekly.Message.ShouldContain($"{name}: {trades.Count(t => t.Strategy == name)} live trades since 2024-12-16");
        }
        weekly.Message.ShouldContain("win rate");
        weekly.Message.ShouldContain("vs band [100.00%, 100.00%]");
        weekly.Message.ShouldContain("below the backtest");
        weekly.Message.ShouldContain("drift (night of 2024-12-20)", customMessage: "the week's last nightly run, made before the review");
        var html = File.ReadAllText(Path.Combine(reports, "weekly-2024-W51.html"));
        html.ShouldContain("<h2>Live vs backtest</h2>");
        html.ShouldContain("class=\"versus-backtest\"");
        try { Directory.Delete(reports, recursive: true); } catch (IOException) { }
    }
}
