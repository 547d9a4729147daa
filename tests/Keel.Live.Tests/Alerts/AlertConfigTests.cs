using Keel.Alerts.Sinks;
using Keel.Core.Persistence;
using Keel.Live.Config;

namespace Keel.Live.Tests.Alerts;

/// <summary>The "alerts" section: the issue's names, defaults, env: URLs and secrets from the environment, and one line per problem.</summary>
public sealed class AlertConfigTests : IDisposable
{
    private readonly TempDirectory _folder = new();

    public void Dispose() => _folder.Dispose();

    private LiveSettings Load(string alerts, Dictionary<string, string>? environment = null)
    {
        var path = _folder.File("keel.json", $$"""
            {
              "timeframe": "15Min", "symbols": ["SPY"], "strategies": ["rsi"], "store": { "sqlite": "k.db" },
              "alerts": {{alerts}}
            }
            """);
        return LiveConfigLoader.Load(path, name => environment?.GetValueOrDefault(name));
    }

    [Fact]
    public void The_issue_s_example_reads_with_its_names_and_secrets_from_the_environment()
    {
        var settings = Load("""
            {
              "drawdownPercent": 10, "dailyLossPercent": 2, "staleMinutes": 5,
              "sinks": [
                { "type": "email", "host": "smtp.example.com", "port": 587, "security": "starttls",
                  "from": "keel@example.com", "to": ["me@example.com"], "minSeverity": "warning" },
                { "type": "webhook", "url": "env:KEEL_SLACK_WEBHOOK", "format": "slack" },
                { "type": "sms", "provider": "twilio", "from": "+15550001111", "to": ["+15552223333"], "minSeverity": "critical" }
              ]
            }
            """, new()
        {
            ["KEEL_SMTP_USER"] = "u", ["KEEL_SMTP_PASSWORD"] = "p", ["KEEL_SLACK_WEBHOOK"] = "https://hooks.slack.com/services/T/B/x",
            ["KEEL_TWILIO_SID"] = "AC1", ["KEEL_TWILIO_TOKEN"] = "tok",
        });
        var alerts = settings.Alerts;
        alerts.DrawdownPercent.ShouldBe(10m);
        alerts.DailyLossPercent.ShouldBe(2m);
        alerts.Stale.ShouldBe(TimeSpan.FromMinutes(5));
        alerts.Sinks.Select(s => s.Name).ShouldBe(["email-1", "webhook-2", "sms-3"]);
        var email = alerts.Sinks[0].Email.ShouldNotBeNull();
        (email.Port, email.Security, email.User, email.Password).ShouldBe((587, SmtpSecurity.StartTls, "u", "p"));
        alerts.Sinks[1].Webhook!.Url.ShouldBe(new Uri("https://hooks.slack.com/services/T/B/x"));
        alerts.Sinks[1].Webhook!.Format.ShouldBe(WebhookFormat.Slack);
        alerts.Sinks[1].MinSeverity.ShouldBe(AlertSeverity.Warning);
        alerts.Sinks[2].MinSeverity.ShouldBe(AlertSeverity.Critical);
        alerts.Sinks[2].Sms!.AuthToken.ShouldBe("tok");
        settings.ToString().ShouldNotContain("hooks.slack.com/services");
        settings.ToString().ShouldNotContain("tok");
    }

    [Fact]
    public void Without_an_alerts_section_the_plan_s_thresholds_apply_and_nothing_is_sent()
    {
        var path = _folder.File("plain.json", """{ "timeframe": "15Min", "symbols": ["SPY"], "strategies": ["rsi"], "store": { "sqlite": "k.db" } }""");
        var alerts = LiveConfigLoader.Load(path).Alerts;
        (alerts.DrawdownPercent, alerts.DailyLossPercent, alerts.Sinks.Count).ShouldBe((10m, 2m, 0));
    }

    [Fact]
    public void Every_problem_names_its_key_and_never_the_secret()
    {
        var error = Should.Throw<LiveConfigException>(() => Load("""
            {
              "drawdownPercent": -1,
              "sinks": [
                { "type": "email", "security": "ssl", "from": "nobody", "to": [] },
                { "type": "webhook", "url": "env:KEEL_MISSING", "format": "teams" },
                { "type": "webhook", "url": "env:KEEL_BAD_URL" },
                { "type": "sms", "from": "+1", "to": ["+2"] },
                { "type": "pager" }
              ]
            }
            """, new() { ["KEEL_BAD_URL"] = "ftp://secret-token-here" }));
        var message = error.Message;
        message.ShouldContain("alerts.drawdownPercent");
        message.ShouldContain("alerts.sinks[0].host: missing");
        message.ShouldContain("alerts.sinks[0].security: 'ssl' is not a choice");
        message.ShouldContain("alerts.sinks[0].from");
        message.ShouldContain("alerts.sinks[0].to: missing");
        message.ShouldContain("alerts.sinks[1].format: 'teams'");
        message.ShouldContain("alerts.sinks[1].url: the environment variable KEEL_MISSING is not set");
        message.ShouldContain("alerts.sinks[2].url: the variable it names does not hold an http(s) URL");
        message.ShouldContain("alerts.sinks[3]: set KEEL_TWILIO_SID and KEEL_TWILIO_TOKEN");
        message.ShouldContain("alerts.sinks[4].type: 'pager' is not a sink");
        message.ShouldNotContain("secret-token-here");
    }

    [Fact]
    public void A_misspelt_key_in_a_sink_is_refused()
    {
        var error = Should.Throw<LiveConfigException>(() => Load("""{ "sinks": [ { "type": "email", "hots": "x" } ] }"""));
        error.Message.ShouldContain("hots");
    }

    [Fact]
    public void The_degradation_rule_and_the_nightly_drift_read_with_defaults_and_contradictions_named()
    {
        var defaults = Load("""{ "drawdownPercent": 10 }""").Alerts;
        (defaults.Degradation.Window, defaults.Degradation.MinTrades, defaults.Degradation.ConfidencePercent, defaults.NightlyDrift).ShouldBe((30, 10, 95.0, true));

        var set = Load("""{ "degradation": { "window": 50, "minTrades": 20, "confidencePercent": 90, "criticalConfidencePercent": 99.5 }, "nightlyDrift": false }""").Alerts;
        (set.Degradation.Window, set.Degradation.MinTrades, set.Degradation.ConfidencePercent, set.Degradation.CriticalConfidencePercent, set.NightlyDrift)
            .ShouldBe((50, 20, 90.0, 99.5, false));

        var error = Should.Throw<LiveConfigException>(() => Load("""{ "degradation": { "window": 5, "minTrades": 10 } }"""));
        error.Message.ShouldContain("alerts.degradation.window must be at least minTrades");
    }
}
