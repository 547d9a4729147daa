using Keel.Alerts;
using Keel.Alerts.Sinks;
using Keel.Core.Persistence;

namespace Keel.Live.Tests.Alerts;

/// <summary>
/// The service makes its own reports: a paper session stepped past Monday's close queues exactly one daily
/// report for Monday (not again on later cycles or after a restart), and past Friday's close the weekly review.
/// </summary>
public sealed class ScheduledReportTests
{
    // 2024-12-16..20: NYSE sessions close at 16:00 New York, 21:00 UTC.
    private static readonly DateTime MondayClose = new(2024, 12, 16, 21, 0, 0, DateTimeKind.Utc);
    private static readonly DateTime FridayClose = new(2024, 12, 20, 21, 0, 0, DateTimeKind.Utc);

    [Fact]
    public async Task The_daily_report_is_queued_once_after_the_close_and_the_weekly_after_fridays()
    {
        var reports = Directory.CreateTempSubdirectory("keel-reports-").FullName;
        await using var paper = await PaperHarness.StartAsync(days: 5, configure: s => s with
        {
            Alerts = s.Alerts with
            {
                ReportsDirectory = reports,
                Sinks = [new SinkDefinition("webhook-1", AlertSeverity.Warning) { Webhook = new WebhookSinkSettings(new Uri("http://127.0.0.1:9/hook"), WebhookFormat.Json) }],
            },
        });
        IReadOnlyList<AlertRecord> Reports(string kind) => [.. paper.Store.AllAlerts().Where(a => a.Kind == "report-" + kind)];

        await paper.StepToAsync(MondayClose.AddMinutes(-15));
        Reports("daily").ShouldBeEmpty("the market is still open");

        await paper.StepToAsync(MondayClose.AddMinutes(15));
        var daily = Reports("daily").ShouldHaveSingleItem();
        daily.Message.ShouldContain("2024-12-16");
        paper.Store.Deliveries().Where(d => d.AlertId == daily.Id).ShouldHaveSingleItem().Sink.ShouldBe("webhook-1");
        File.Exists(Path.Combine(reports, "daily-2024-12-16.html")).ShouldBeTrue();
        Reports("weekly").ShouldBeEmpty("Monday is not the week's last session");

        await paper.StepToAsync(MondayClose.AddMinutes(30));
        await paper.RestartAsync();
        await paper.StepToAsync(MondayClose.AddMinutes(45));
        Reports("daily").ShouldHaveSingleItem("once per period, even across a restart");

        await paper.StepToAsync(FridayClose.AddMinutes(15));
        Reports("daily").Select(a => a.Message.Contains("2024-12-20", StringComparison.Ordinal)).ShouldBe([false, true]);
        var weekly = Reports("weekly").ShouldHaveSingleItem();
        weekly.Message.ShouldContain("2024-W51");
        paper.Store.Deliveries().Where(d => d.AlertId == weekly.Id).ShouldHaveSingleItem();

        await paper.RestartAsync();
        await paper.StepToAsync(FridayClose.AddMinutes(30));
        Reports("weekly").ShouldHaveSingleItem();
        Reports("daily").Count.ShouldBe(2);
        try { Directory.Delete(reports, recursive: true); } catch (IOException) { }
    }
}
