using Keel.Alerts;
using Keel.Alerts.Sinks;
using Keel.Core.Persistence;
using Keel.Storage;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Time.Testing;

namespace Keel.Live.Tests.Alerts;

/// <summary>The outbox sender on a real SQLite store with real sinks on loopback; time is a FakeTimeProvider.</summary>
public sealed class AlertSenderTests : IDisposable
{
    private static readonly DateTime T0 = new(2026, 3, 2, 14, 30, 0, DateTimeKind.Utc);
    private readonly TempDirectory _folder = new();
    private readonly FakeTimeProvider _time = new(new DateTimeOffset(T0));

    public void Dispose() => _folder.Dispose();

    private ITradingStore OpenStore() => TradingStores.Open(_folder.Combine("keel.db"), null);

    [Fact]
    public async Task Each_alert_reaches_each_sink_once_and_a_failing_sink_is_retried_with_backoff()
    {
        await using var smtp = new LoopbackSmtp();
        using var http = new LoopbackHttp { Status = System.Net.HttpStatusCode.ServiceUnavailable };
        using var client = new HttpClient();
        using var store = OpenStore();
        var sinks = new[]
        {
            new ConfiguredSink("email-1", AlertSeverity.Warning, true, new EmailSink(new EmailSinkSettings("127.0.0.1", smtp.Port, SmtpSecurity.None, "k@example.com", ["me@example.com"]))),
            new ConfiguredSink("webhook-2", AlertSeverity.Warning, true, new WebhookSink(new WebhookSinkSettings(http.BaseUrl, WebhookFormat.Json), client)),
        };
        var sender = new AlertSender(store, sinks, _time, NullLogger.Instance, "test");
        var id = store.RaiseAlert(new NewAlert(T0, "drawdown", AlertSeverity.Warning, "11%", Condition: "drawdown:account"), ["email-1", "webhook-2"])!.Value;

        (await sender.SendDueAsync(CancellationToken.None)).ShouldBe(1);
        smtp.Messages.Count.ShouldBe(1);
        http.Requests.Count.ShouldBe(1);
        var failed = store.Deliveries().Single(d => d.Sink == "webhook-2");
        failed.LastError.ShouldNotBeNull().ShouldContain("HTTP 503");
        failed.NextAttempt.ShouldBe(T0 + AlertSender.Backoff(0));

        (await sender.SendDueAsync(CancellationToken.None)).ShouldBe(0, "nothing due before the backoff ends");
        http.Requests.Count.ShouldBe(1);

        http.Status = System.Net.HttpStatusCode.OK;
        _time.Advance(AlertSender.Backoff(0));
        (await sender.SendDueAsync(CancellationToken.None)).ShouldBe(1);
        (await sender.SendDueAsync(CancellationToken.None)).ShouldBe(0);
        smtp.Messages.Count.ShouldBe(1, "the e-mail is not sent again");
        http.Requests.Count.ShouldBe(2);
        store.Deliveries().ShouldAllBe(d => d.AlertId == id && d.DeliveredAt != null);
    }

    [Fact]
    public void Backoff_doubles_up_to_a_cap()
    {
        AlertSender.Backoff(0).ShouldBe(TimeSpan.FromSeconds(10));
        AlertSender.Backoff(1).ShouldBe(TimeSpan.FromSeconds(20));
        AlertSender.Backoff(3).ShouldBe(TimeSpan.FromSeconds(80));
        AlertSender.Backoff(30).ShouldBe(AlertSender.LongestRetry);
    }

    [Fact]
    public async Task Undelivered_alerts_are_sent_after_a_restart_and_a_dead_claimer_s_lease_runs_out()
    {
        await using var smtp = new LoopbackSmtp();
        var sink = new ConfiguredSink("email-1", AlertSeverity.Info, true, new EmailSink(new EmailSinkSettings("127.0.0.1", smtp.Port, SmtpSecurity.None, "k@example.com", ["me@example.com"])));
        using (var store = OpenStore())
        {
            store.RaiseAlert(new NewAlert(T0, "service-started", AlertSeverity.Info, "started"), ["email-1"]);
            // A process claimed it and died before sending.
            store.ClaimDeliveries("dead-process", T0, AlertSender.Lease, 10).ShouldHaveSingleItem();
        }
        using var reopened = OpenStore();
        var sender = new AlertSender(reopened, [sink], _time, NullLogger.Instance, "restarted");
        (await sender.SendDueAsync(CancellationToken.None)).ShouldBe(0, "leased to the dead process");
        _time.Advance(AlertSender.Lease);
        (await sender.SendDueAsync(CancellationToken.None)).ShouldBe(1);
        (await sender.SendDueAsync(CancellationToken.None)).ShouldBe(0);
        smtp.Messages.Count.ShouldBe(1);
    }

    [Fact]
    public async Task Raising_an_alert_with_a_dead_sink_configured_costs_the_cycle_only_a_store_write()
    {
        using var store = OpenStore();
        var center = new Keel.Live.Alerts.AlertCenter(store, [new SinkDefinition("webhook-1", AlertSeverity.Info)
        {
            Webhook = new WebhookSinkSettings(new Uri($"http://127.0.0.1:{LoopbackSmtp.FreePort()}/dead"), WebhookFormat.Json),
        }], _time, NullLogger.Instance);
        var woken = 0;
        center.Queued = () => woken++;
        for (var i = 0; i < 20; i++) center.Raise("test", AlertSeverity.Warning, $"alert {i}").ShouldNotBeNull();
        woken.ShouldBe(20);
        store.Deliveries().Count.ShouldBe(20);
        store.Deliveries().ShouldAllBe(d => d.Attempts == 0, "raising never sends: the sender does, off the cycle");
        // The refused connection is the sender's business: it fails and is rescheduled.
        using var client = new HttpClient();
        var sender = new AlertSender(store, [new SinkDefinition("webhook-1", AlertSeverity.Info) { Webhook = new WebhookSinkSettings(new Uri($"http://127.0.0.1:{LoopbackSmtp.FreePort()}/dead"), WebhookFormat.Json) }.Create(client)],
            _time, NullLogger.Instance, "test");
        (await sender.SendDueAsync(CancellationToken.None)).ShouldBe(0);
        store.Deliveries().ShouldAllBe(d => d.Attempts == 1 && d.LastError != null);
    }
}
