using System.Net.Http.Json;
using System.Text.Json;
using Keel.Alerts;
using Keel.Alerts.Sinks;
using Keel.AlpacaSim.Faults;
using Keel.Core.Domain;
using Keel.Core.Persistence;
using Keel.Core.Strategies;
using Keel.Core.Trading;
using Keel.Live.Alerts;
using Keel.Live.Config;
using Microsoft.Extensions.Logging.Abstractions;

namespace Keel.Live.Tests.Alerts;

/// <summary>
/// The service's alert rules on a paper session against the sim (in process, real SQLite, real SMTP and HTTP
/// sinks on loopback): each condition raises one alert, delivered once per sink.
/// </summary>
public sealed class ServiceAlertTests
{
    private static readonly DateTime MondayOpen = new(2024, 12, 16, 14, 30, 0, DateTimeKind.Utc);

    private static Func<LiveSettings, LiveSettings> WithSinks(LoopbackSmtp smtp, LoopbackHttp http, Func<LiveSettings, LiveSettings>? more = null) => s =>
    {
        var settings = s with
        {
            Alerts = new AlertSettings
            {
                Sinks =
                [
                    new SinkDefinition("email-1", AlertSeverity.Warning) { Email = new EmailSinkSettings("127.0.0.1", smtp.Port, SmtpSecurity.None, "keel@example.com", ["me@example.com"]) },
                    new SinkDefinition("webhook-2", AlertSeverity.Warning) { Webhook = new WebhookSinkSettings(new Uri(http.BaseUrl, "hook"), WebhookFormat.Json) },
                ],
            },
        };
        return more?.Invoke(settings) ?? settings;
    };

    private static async Task<int> DeliverAsync(PaperHarness paper)
    {
        using var client = new HttpClient();
        var sender = new AlertSender(paper.Store, paper.Settings.Alerts.Sinks.Select(s => s.Create(client)), TimeProvider.System, NullLogger.Instance, "test");
        return await sender.SendDueAsync(CancellationToken.None);
    }

    [Fact]
    public async Task A_drawdown_forced_by_scripted_quotes_is_one_alert_by_email_and_by_webhook()
    {
        await using var smtp = new LoopbackSmtp();
        using var http = new LoopbackHttp { Status = System.Net.HttpStatusCode.OK };
        await using var paper = await PaperHarness.StartAsync(days: 2, configure: WithSinks(smtp, http));
        using var admin = new HttpClient { BaseAddress = paper.Sim.BaseUrl };
        var spy = Symbol.Parse("SPY");

        // SPY's ask at five times the price until the first SPY buy fills there: a loss of about 11% of the account.
        var scripted = false;
        for (var t = paper.Now + PaperData.Frame.Duration; t <= PaperData.Start.AddDays(2); t += PaperData.Frame.Duration)
        {
            var boughtSpy = paper.Store.Fills().Any(f => f.Fill.Symbol == spy && f.Fill.Side == OrderSide.Buy);
            if (!boughtSpy && t > MondayOpen && !scripted)
            {
                var close = (decimal)paper.Bars.Single(b => b.Symbol == spy).Span.ToArray().Last(b => b.Timestamp < t).Close;
                (await admin.PostAsJsonAsync("/admin/quotes", new { symbol = "SPY", bid = close * 5 - 0.01m, ask = close * 5 })).EnsureSuccessStatusCode();
                scripted = true;
            }
            if (boughtSpy && scripted)
            {
                (await admin.DeleteAsync("/admin/quotes/SPY")).EnsureSuccessStatusCode();
                scripted = false;
            }
            await paper.StepToAsync(t);
            await DeliverAsync(paper);
        }

        var accountDrawdowns = paper.Store.AllAlerts().Where(a => a.Kind == AlertKinds.Drawdown && a.Strategy is null).ToList();
        var alert = accountDrawdowns.ShouldHaveSingleItem();
        alert.Severity.ShouldBe(AlertSeverity.Warning);
        alert.Message.ShouldContain("account drawdown");
        alert.ResolvedAt.ShouldBeNull();
        paper.Store.AllAlerts().ShouldContain(a => a.Kind == AlertKinds.Drawdown && a.Strategy != null, "the strategy that bought lost too");

        smtp.Messages.Count(m => m.Subject == "[Keel] WARNING drawdown" && m.TextBody!.Contains("account drawdown")).ShouldBe(1);
        http.Requests.Count(r =>
        {
            using var json = JsonDocument.Parse(r.Body);
            return json.RootElement.GetProperty("kind").GetString() == "drawdown" && json.RootElement.GetProperty("strategy").ValueKind == JsonValueKind.Null;
        }).ShouldBe(1);
        paper.Store.Deliveries().Where(d => d.AlertId == alert.Id).ShouldAllBe(d => d.DeliveredAt != null && d.Attempts == 1);
    }

    [Fact]
    public async Task Hung_orders_raise_one_hung_order_alert_for_the_strategy_and_symbol()
    {
        await using var smtp = new LoopbackSmtp();
        using var http = new LoopbackHttp { Status = System.Net.HttpStatusCode.OK };
        await using var paper = await PaperHarness.StartAsync(days: 1, configure: WithSinks(smtp, http, s => s with
        {
            Symbols = [Symbol.Parse("SPY")],
            Strategies = StrategyText.ParseList("rsi:period=6,oversold=40,overbought=60"),
            FillTimeout = TimeSpan.FromMilliseconds(1), // cancelled at the first look: the fault makes every order hang
            SettleTimeout = TimeSpan.Zero,
        }));
        paper.Sim.Faults.Set(new FaultSettings { HangOrders = true });

        await paper.RunUntilAsync(PaperData.Start.AddDays(1));
        await DeliverAsync(paper);

        var cancelled = paper.Store.AllAlerts().Count; // read once, for the message below
        var hung = paper.Store.AllAlerts().Where(a => a.Kind == AlertKinds.OrderHung).ToList();
        hung.ShouldHaveSingleItem($"{cancelled} alerts in all").Strategy.ShouldNotBeNull().ShouldStartWith("rsi:");
        hung[0].Symbol.ShouldBe("SPY");
        hung[0].Message.ShouldContain("hung at the broker");
        smtp.Messages.Count(m => m.Subject!.Contains("order-hung")).ShouldBe(1);
    }

    [Fact]
    public async Task Start_clean_stop_crash_restart_and_the_kill_switch_are_recorded_and_alerted()
    {
        await using var paper = await PaperHarness.StartAsync(days: 1);
        paper.Store.AllAlerts().ShouldContain(a => a.Kind == AlertKinds.ServiceStarted);
        paper.Store.LastServiceEvent()!.Kind.ShouldBe(ServiceEvent.Started);

        await paper.RestartAsync(); // the first run never recorded a stop: as after a crash
        var crash = paper.Store.AllAlerts().Last(a => a.Kind == AlertKinds.CrashRestart);
        crash.Severity.ShouldBe(AlertSeverity.Critical);
        crash.Message.ShouldContain("without a clean stop");

        paper.Session.RecordStop("test");
        paper.Store.LastServiceEvent()!.Kind.ShouldBe(ServiceEvent.Stopped);
        ServiceHealth.Judge(paper.Store.LastServiceEvent(), paper.Store.LastHeartbeat(), DateTime.UtcNow, TimeSpan.FromMinutes(1)).State.ShouldBe(ServiceState.Stopped);
        await paper.RestartAsync();
        paper.Store.AllAlerts().Count(a => a.Kind == AlertKinds.CrashRestart).ShouldBe(1, "a clean stop is not a crash");
        paper.Store.AllAlerts().Count(a => a.Kind == AlertKinds.ServiceStarted).ShouldBe(2);

        paper.Store.SetHalt(new HaltState(true, "test halt", paper.Now));
        await paper.StepToAsync(paper.Now + PaperData.Frame.Duration);
        await paper.StepToAsync(paper.Now + PaperData.Frame.Duration);
        paper.Store.AllAlerts().Where(a => a.Kind == AlertKinds.KillSwitch).ShouldHaveSingleItem().Severity.ShouldBe(AlertSeverity.Critical);
        paper.Store.SetHalt(HaltState.Running);
        await paper.StepToAsync(paper.Now + PaperData.Frame.Duration);
        paper.Store.LastServiceEvent()!.Kind.ShouldBe(ServiceEvent.KillSwitchLifted);
        paper.Store.AllAlerts().Last(a => a.Kind == AlertKinds.KillSwitch).Message.ShouldStartWith("resolved: kill switch lifted");
        paper.Store.ActiveAlert("kill-switch").ShouldBeNull();
    }

    [Fact]
    public void Health_is_judged_from_the_last_event_and_the_heartbeat()
    {
        var t = new DateTime(2026, 3, 2, 14, 0, 0, DateTimeKind.Utc);
        var started = new ServiceEvent(t, ServiceEvent.Started, 9, "paper");
        var beat = new Heartbeat(t, t.AddMinutes(5), "paper", 9);
        ServiceHealth.Judge(null, null, t, TimeSpan.FromMinutes(1)).State.ShouldBe(ServiceState.NeverStarted);
        ServiceHealth.Judge(started, beat, t.AddMinutes(5.5), TimeSpan.FromMinutes(1)).State.ShouldBe(ServiceState.Running);
        ServiceHealth.Judge(started, beat, t.AddMinutes(7), TimeSpan.FromMinutes(1)).State.ShouldBe(ServiceState.Unresponsive);
        ServiceHealth.Judge(started with { Time = t.AddMinutes(6.5) }, beat, t.AddMinutes(7), TimeSpan.FromMinutes(1)).State.ShouldBe(ServiceState.Running, "just restarted");
        ServiceHealth.Judge(started with { Kind = ServiceEvent.Stopped }, beat, t.AddHours(9), TimeSpan.FromMinutes(1)).State.ShouldBe(ServiceState.Stopped);
    }
}
