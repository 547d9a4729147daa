using System.Text.Json;
using Keel.Core.Persistence;
using Keel.Storage;

namespace Keel.Live.Tests.Alerts;

/// <summary><c>keel watchdog</c>, <c>keel alerts</c> (list, ack, test) and <c>keel status</c>'s service state, as a user runs them.</summary>
public sealed class WatchdogAndAlertsCommandTests : IDisposable
{
    private readonly TempDirectory _folder = new();

    public void Dispose() => _folder.Dispose();

    private string Config(int smtpPort, string? extraSink = null) => _folder.File("keel.json", $$"""
        {
          "timeframe": "15Min", "symbols": ["SPY"], "strategies": ["rsi"], "store": { "sqlite": "keel.db" },
          "schedule": { "pollSeconds": 10 },
          "alerts": { "sinks": [
            { "type": "email", "host": "127.0.0.1", "port": {{smtpPort}}, "security": "none", "from": "k@example.com", "to": ["me@example.com"] }{{extraSink}}
          ] }
        }
        """);

    private static readonly Dictionary<string, string?> NoKeys = new() { ["ALPACA_API_KEY_ID"] = null, ["ALPACA_API_SECRET_KEY"] = null };

    [Fact]
    public async Task The_watchdog_alerts_once_while_the_service_is_silent_and_resolves_when_it_beats_again()
    {
        await using var smtp = new LoopbackSmtp();
        var config = Config(smtp.Port);
        var now = DateTime.UtcNow;
        using (var store = TradingStores.Open(_folder.Combine("keel.db"), null))
        {
            store.RecordServiceEvent(new ServiceEvent(now.AddMinutes(-30), ServiceEvent.Started, 4242, "paper"));
            store.SaveHeartbeat(new Heartbeat(now.AddMinutes(-10), now.AddMinutes(-10), "paper", 4242));
        }

        var first = KeelCli.Run(_folder.Path, NoKeys, "watchdog", "--config", config);
        first.ExitCode.ShouldBe(1, first.Stderr);
        first.Stdout.ShouldContain("service unresponsive");
        (await smtp.NextAsync()).Subject.ShouldBe("[Keel] CRITICAL service-down");
        var second = KeelCli.Run(_folder.Path, NoKeys, "watchdog", "--config", config);
        second.ExitCode.ShouldBe(1);
        smtp.Messages.Count.ShouldBe(1, "one alert while the condition lasts");

        var status = KeelCli.Run(_folder.Path, NoKeys, "status", "--config", config, "--json");
        status.ExitCode.ShouldBe(0, status.Stderr);
        using (var json = JsonDocument.Parse(status.Stdout)) json.RootElement.GetProperty("service_state").GetString().ShouldBe("unresponsive");

        var listed = KeelCli.Run(_folder.Path, NoKeys, "alerts", "--config", config, "--json");
        using (var json = JsonDocument.Parse(listed.Stdout))
        {
            var alert = json.RootElement.GetProperty("alerts").EnumerateArray().ShouldHaveSingleItem();
            alert.GetProperty("kind").GetString().ShouldBe("service-down");
            alert.GetProperty("deliveries")[0].GetProperty("delivered").GetBoolean().ShouldBeTrue();
        }

        using (var store = TradingStores.Open(_folder.Combine("keel.db"), null))
            store.SaveHeartbeat(new Heartbeat(DateTime.UtcNow, DateTime.UtcNow, "paper", 4242));
        var third = KeelCli.Run(_folder.Path, NoKeys, "watchdog", "--config", config);
        third.ExitCode.ShouldBe(0, third.Stdout);
        third.Stdout.ShouldContain("service running");
        (await smtp.NextAsync()).TextBody!.ShouldContain("resolved: the service runs again");
        KeelCli.Run(_folder.Path, NoKeys, "alerts", "--config", config).Stdout.ShouldContain("No open alerts.");

        using (var store = TradingStores.Open(_folder.Combine("keel.db"), null))
            store.RecordServiceEvent(new ServiceEvent(DateTime.UtcNow, ServiceEvent.Stopped, 4242, "stop requested"));
        var stopped = KeelCli.Run(_folder.Path, NoKeys, "status", "--config", config, "--json");
        using (var json = JsonDocument.Parse(stopped.Stdout))
        {
            json.RootElement.GetProperty("service_state").GetString().ShouldBe("stopped");
            json.RootElement.GetProperty("service_running").GetBoolean().ShouldBeFalse();
        }
    }

    [Fact]
    public async Task Alerts_test_reports_each_sink_and_fails_when_one_does_and_ack_takes_an_alert_off_the_list()
    {
        await using var smtp = new LoopbackSmtp();
        var config = Config(smtp.Port, $$""", { "type": "webhook", "url": "http://127.0.0.1:{{LoopbackSmtp.FreePort()}}/down" }""");
        var test = KeelCli.Run(_folder.Path, NoKeys, "alerts", "test", "--config", config);
        test.ExitCode.ShouldBe(1);
        test.Stdout.ShouldContain("email-1 (email): delivered");
        test.Stdout.ShouldContain("webhook-2 (webhook): FAILED: webhook 127.0.0.1:");
        (await smtp.NextAsync()).Subject.ShouldBe("[Keel] CRITICAL test");

        using (var store = TradingStores.Open(_folder.Combine("keel.db"), null))
            store.RaiseAlert(new NewAlert(DateTime.UtcNow, "drawdown", AlertSeverity.Warning, "12%", Condition: "drawdown:account"), []);
        KeelCli.Run(_folder.Path, NoKeys, "alerts", "--config", config).Stdout.ShouldContain("drawdown");
        var ack = KeelCli.Run(_folder.Path, NoKeys, "alerts", "ack", "1", "--config", config);
        ack.ExitCode.ShouldBe(0, ack.Stderr);
        ack.Stdout.ShouldContain("Alert 1 acknowledged.");
        KeelCli.Run(_folder.Path, NoKeys, "alerts", "--config", config).Stdout.ShouldContain("No open alerts.");
        KeelCli.Run(_folder.Path, NoKeys, "alerts", "--config", config, "--all").Stdout.ShouldContain("acked");
        var missing = KeelCli.Run(_folder.Path, NoKeys, "alerts", "ack", "99", "--config", config);
        missing.ExitCode.ShouldBe(2);
        missing.Stderr.ShouldContain("There is no alert 99");
    }
}
