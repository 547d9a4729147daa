using System.Diagnostics;
using System.Text;
using Keel.Alerts;
using Keel.AlpacaSim;
using Keel.Live.Alerts;
using Keel.Storage;
using Xunit.Abstractions;

namespace Keel.Live.Tests.Alerts;

/// <summary>
/// The real <c>keel paper</c> process with an e-mail and a webhook sink on loopback: killed (SIGKILL) while an
/// alert is being sent, restarted, the alert arrives exactly once; stopped cleanly (SIGTERM), the stop is
/// recorded and alerted; and nothing the service wrote holds the SMTP password or the webhook's token.
/// </summary>
public sealed class AlertProcessTests(ITestOutputHelper output)
{
    private const string SmtpPassword = "smtp-pw-NEVER-LOGGED-5521";
    private const string WebhookToken = "hook-TOKEN-never-logged-8812";

    [Fact]
    public async Task Killed_while_sending_the_alert_arrives_once_after_restart_and_no_secret_is_written_anywhere()
    {
        var folder = Directory.CreateTempSubdirectory("keel-alert-process-").FullName;
        try
        {
            PaperData.Write(Path.Combine(folder, "bars"), PaperData.Start, PaperData.Start.AddDays(1));
            await using var sim = await SimServer.StartAsync(new SimOptions { DataDirectory = Path.Combine(folder, "bars"), StartTime = PaperData.Start, Speed = 0 });
            await using var smtp = new LoopbackSmtp("keel-user", SmtpPassword);
            using var http = new LoopbackHttp { Status = System.Net.HttpStatusCode.OK };
            var url = sim.BaseUrl.ToString().TrimEnd('/');
            var config = Path.Combine(folder, "keel.json");
            await File.WriteAllTextAsync(config, $$"""
                {
                  "mode": "paper",
                  "alpaca": { "tradingUrl": "{{url}}", "dataUrl": "{{url}}" },
                  "timeframe": "15Min",
                  "symbols": ["SPY"],
                  "strategies": ["rsi:period=6,oversold=40,overbought=60"],
                  "risk": { "sizing": "fixed:10" },
                  "store": { "sqlite": "paper.db" },
                  "schedule": { "pollSeconds": 0.02, "warmUpBars": 0, "settleSeconds": 5 },
                  "logs": "logs",
                  "alerts": {
                    "sinks": [
                      { "type": "email", "host": "127.0.0.1", "port": {{smtp.Port}}, "security": "none", "from": "keel@example.com", "to": ["me@example.com"], "minSeverity": "info" },
                      { "type": "webhook", "url": "env:KEEL_TEST_WEBHOOK", "format": "slack", "minSeverity": "info" }
                    ]
                  }
                }
                """);
            var environment = new Dictionary<string, string>
            {
                ["KEEL_SMTP_USER"] = "keel-user",
                ["KEEL_SMTP_PASSWORD"] = SmtpPassword,
                ["KEEL_TEST_WEBHOOK"] = $"{http.BaseUrl}hooks/{WebhookToken}",
            };
            var transcript = new StringBuilder();

            // 1. The first alert (service started) is claimed, and the process dies as it is sent.
            using (var first = PaperProcess.Start(config, AlertSender.SendingPoint + ":1", environment))
            {
                (await first.ExitCodeAsync().WaitAsync(TimeSpan.FromSeconds(90))).ShouldBe(137, string.Join("\n", first.Transcript.TakeLast(20)));
                transcript.AppendJoin('\n', first.Transcript);
            }
            smtp.Messages.ShouldBeEmpty();
            http.Requests.ShouldBeEmpty();

            // 2. Restarted: it takes back the dead process's claim, sends the started alert, and reports the crash.
            using (var second = PaperProcess.Start(config, null, environment))
            {
                (await second.WaitForCycleAsync(PaperData.Start)).ShouldBeTrue();
                var subjects = new List<string>();
                while (!subjects.Any(s => s.Contains(AlertKinds.CrashRestart)) || !subjects.Any(s => s.Contains(AlertKinds.ServiceStarted)))
                    subjects.Add((await smtp.NextAsync()).Subject ?? "");
                // Through the first two hours of Monday's session (SPY has bars only in the session).
                var open = PaperData.Start.AddHours(14.5);
                for (var t = open + PaperData.Frame.Duration; t <= open.AddHours(2); t += PaperData.Frame.Duration)
                {
                    sim.Clock.Set(t);
                    (await second.WaitForCycleAsync(t)).ShouldBeTrue();
                }
                // 3. A clean stop: recorded, alerted, and the last round sends it before the process exits.
                using (var kill = Process.Start("kill", $"-TERM {second.ProcessId}")) await kill.WaitForExitAsync();
                (await second.ExitCodeAsync().WaitAsync(TimeSpan.FromSeconds(60))).ShouldBe(0, string.Join("\n", second.Transcript.TakeLast(20)));
                transcript.AppendJoin('\n', second.Transcript);
            }

            smtp.Logins.ShouldContain("keel-user");
            var byAlert = smtp.Messages.GroupBy(m => m.MessageId!.Split('-')[2]).ToDictionary(g => g.Key, g => g.Count());
            output.WriteLine("e-mails per alert id: " + string.Join(", ", byAlert.Select(p => $"{p.Key}:{p.Value}")));
            byAlert.ShouldAllBe(p => p.Value == 1, "an alert e-mailed twice");
            byAlert.ShouldContainKey("1", "the alert in flight when the process was killed");
            http.Requests.GroupBy(r => r.IdempotencyKey).ShouldAllBe(g => g.Count() == 1, "an alert posted twice");
            http.Requests.ShouldContain(r => r.IdempotencyKey == "keel-alert-1");
            smtp.Messages.ShouldContain(m => m.Subject!.Contains(AlertKinds.ServiceStopped));

            using (var store = TradingStores.Open(Path.Combine(folder, "paper.db"), null))
            {
                store.LastServiceEvent()!.Kind.ShouldBe(Keel.Core.Persistence.ServiceEvent.Stopped);
                store.Deliveries().ShouldAllBe(d => d.DeliveredAt != null);
            }

            // Everything the service wrote: console, log files, the store (with its WAL), anything else in the folder.
            var written = new StringBuilder(transcript.ToString());
            foreach (var file in Directory.EnumerateFiles(folder, "*", SearchOption.AllDirectories).Where(f => !f.Contains("/bars/", StringComparison.Ordinal)))
                written.Append(Encoding.UTF8.GetString(await File.ReadAllBytesAsync(file)));
            var all = written.ToString();
            all.ShouldContain("alert"); // it did write about alerts
            all.ShouldNotContain(SmtpPassword);
            all.ShouldNotContain(WebhookToken);
        }
        finally
        {
            try { Directory.Delete(folder, recursive: true); } catch (IOException) { }
        }
    }
}
