using System.Diagnostics;
using Keel.Alerts;
using Keel.Alerts.Sinks;
using Keel.Core.Persistence;
using Keel.Live.Config;
using Microsoft.Extensions.Logging.Abstractions;
using Xunit.Abstractions;

namespace Keel.Live.Tests.Alerts;

/// <summary>
/// A sink that is down (connection refused) while the sender runs beside the session: the cycles go on, the
/// deliveries fail and are rescheduled. Cycle times with and without the dead sink are written to the test
/// output (measured, not asserted: speed is never a unit test's verdict).
/// </summary>
public sealed class DeadSinkTests(ITestOutputHelper output)
{
    [Fact]
    public async Task A_dead_sink_fails_in_the_background_while_every_cycle_completes()
    {
        var without = await RunDayAsync(deadSink: false);
        var with = await RunDayAsync(deadSink: true);
        output.WriteLine($"cycle time without a sink: median {Median(without.Cycles):0.0} ms, max {without.Cycles.Max():0.0} ms over {without.Cycles.Count} cycles");
        output.WriteLine($"cycle time with a dead sink: median {Median(with.Cycles):0.0} ms, max {with.Cycles.Max():0.0} ms over {with.Cycles.Count} cycles");
        with.Cycles.Count.ShouldBe(without.Cycles.Count);
        with.Deliveries.ShouldNotBeEmpty();
        with.Deliveries.ShouldAllBe(d => d.DeliveredAt == null);
        with.Deliveries.ShouldContain(d => d.Attempts > 0 && d.LastError!.Contains("webhook 127.0.0.1"));
    }

    private static double Median(List<double> values)
    {
        var sorted = values.Order().ToList();
        return sorted[sorted.Count / 2];
    }

    private static async Task<(List<double> Cycles, IReadOnlyList<AlertDelivery> Deliveries)> RunDayAsync(bool deadSink)
    {
        var sinks = deadSink
            ? new[] { new SinkDefinition("webhook-1", AlertSeverity.Info) { Webhook = new WebhookSinkSettings(new Uri($"http://127.0.0.1:{LoopbackSmtp.FreePort()}/down"), WebhookFormat.Json) } }
            : [];
        await using var paper = await PaperHarness.StartAsync(days: 1, configure: s => s with { Alerts = new AlertSettings { Sinks = sinks, DrawdownPercent = 0.01m, DailyLossPercent = 0.01m } });
        using var client = new HttpClient();
        var sender = new AlertSender(paper.Store, sinks.Select(s => s.Create(client)), TimeProvider.System, NullLogger.Instance, "service-test");
        paper.Session.Alerts.Queued = sender.Wake;
        using var stop = new CancellationTokenSource();
        var running = sender.RunAsync(TimeSpan.FromMilliseconds(50), stop.Token);
        var cycles = new List<double>();
        for (var t = paper.Now + PaperData.Frame.Duration; t <= PaperData.Start.AddDays(1); t += PaperData.Frame.Duration)
        {
            var watch = Stopwatch.StartNew();
            await paper.StepToAsync(t);
            cycles.Add(watch.Elapsed.TotalMilliseconds);
        }
        await stop.CancelAsync();
        await running;
        return (cycles, paper.Store.Deliveries());
    }
}
