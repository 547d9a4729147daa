using Keel.Core.Risk;
using Keel.Core.Trading;

namespace Keel.Live.Tests;

/// <summary>
/// The daily loss limit measured against the stored start-of-day equity: it halts entries, still holds
/// after a restart on the same day, and lets entries through again on the next trading day.
/// </summary>
public sealed class DailyLossLimitTests
{
    // 0.0001% of 100,000 is 10 cents: the spread paid on the first entry already reaches it.
    private static readonly RiskConfig TightLimit = PaperHarness.DefaultRisk with { DailyLossLimitPercent = 0.0001m };

    private static readonly DateOnly Monday = new(2024, 12, 16);
    private static readonly DateTime MondayClose = new(2024, 12, 16, 21, 0, 0, DateTimeKind.Utc);

    [Fact]
    public async Task The_limit_halts_entries_holds_after_a_restart_and_resets_the_next_day()
    {
        await using var paper = await PaperHarness.StartAsync(days: 2, TightLimit);

        // Monday, until the limit trips.
        while (paper.Store.TradingDay(Monday)?.Halted != true)
        {
            paper.Now.ShouldBeLessThan(MondayClose, "the limit should trip on Monday");
            await paper.StepToAsync(paper.Now + PaperData.Frame.Duration);
        }
        var monday = paper.Store.TradingDay(Monday)!;
        monday.HaltReason.ShouldNotBeNull().ShouldContain("daily loss limit");
        var trippedAt = paper.Now;

        // Restart the same day: the stored start equity and the halt come back; the equity now is lower.
        await paper.RestartAsync();
        paper.Session.Kernel.Risk.HaltedToday.ShouldBeTrue();
        paper.Session.Kernel.Risk.StartOfDayEquity.ShouldBe(monday.StartOfDayEquity);
        paper.Session.Kernel.Portfolio.ExactEquity().ShouldBeLessThan(monday.StartOfDayEquity);

        await paper.RunUntilAsync(MondayClose);
        var mondayEntries = EntriesBetween(paper, trippedAt, MondayClose);
        mondayEntries.ShouldBeEmpty("no entry after the limit tripped, across the restart");
        paper.Store.Decisions().ShouldContain(d => d.Time >= trippedAt && d.Outcome.Contains("daily loss limit"));
        paper.Store.TradingDay(Monday)!.StartOfDayEquity.ShouldBe(monday.StartOfDayEquity, "a restart never resets the day's start");

        // Tuesday is a new trading day: entries go out again.
        await paper.RunUntilAsync(PaperData.Start.AddDays(2));
        var tuesday = paper.Store.TradingDay(Monday.AddDays(1)).ShouldNotBeNull();
        tuesday.StartOfDayEquity.ShouldNotBe(monday.StartOfDayEquity);
        EntriesBetween(paper, MondayClose, PaperData.Start.AddDays(2)).ShouldNotBeEmpty();
    }

    private static List<Fill> EntriesBetween(PaperHarness paper, DateTime from, DateTime to) =>
        paper.Store.Fills().Select(f => f.Fill).Where(f => f.Purpose == OrderPurpose.Entry && f.Time > from && f.Time <= to).ToList();
}
