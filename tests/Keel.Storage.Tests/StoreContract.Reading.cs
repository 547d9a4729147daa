using Keel.Core.Persistence;
using static Keel.Storage.Tests.Sample;

namespace Keel.Storage.Tests;

// The dashboard's reads, on every provider: the database converts equity snapshots to chart points, and alerts come with their acknowledgement.
public abstract partial class StoreContract
{
    [Scenario]
    public void Equity_snapshots_are_read_as_chart_points_in_pages_with_the_last_one_exact()
    {
        using var store = Open();
        var before = store.Marks().Equity;
        store.RecordEquity(new EquitySnapshot(T0, 100_000m, 100_000m));
        store.RecordEquity(new EquitySnapshot(T0.AddMilliseconds(61_234), 100_012.3456m, 99_000m));
        store.RecordEquity(new EquitySnapshot(T0.AddDays(400), 99_999.99m, 1m));

        var page = store.EquityPointsAfter(before, limit: 2);
        page.UnixMs.ShouldBe([UnixMs(T0), UnixMs(T0.AddMilliseconds(61_234))]);
        page.Equity.ShouldBe([100_000.0, 100_012.3456]);
        page.Last.ShouldBe(new EquitySnapshot(T0.AddMilliseconds(61_234), 100_012.3456m, 99_000m));
        var rest = store.EquityPointsAfter(page.LastId, limit: 2);
        rest.UnixMs.ShouldBe([UnixMs(T0.AddDays(400))]);
        rest.Last.ShouldBe(new EquitySnapshot(T0.AddDays(400), 99_999.99m, 1m));
        store.EquityPointsAfter(rest.LastId, limit: 2).Count.ShouldBe(0);
    }

    [Scenario]
    public void The_readers_alert_list_is_newest_first_with_its_acknowledgement()
    {
        using var store = Open();
        var older = store.RaiseAlert(new NewAlert(T0, "drawdown", AlertSeverity.Warning, "older", Condition: "read:older"), []).ShouldNotBeNull();
        var newer = store.RaiseAlert(new NewAlert(T0.AddMinutes(1), "order-hung", AlertSeverity.Critical, "newer", Strategy: "rsi", Symbol: "SPY"), []).ShouldNotBeNull();
        store.AckAlert(older, T0.AddMinutes(2)).ShouldBeTrue();

        var listed = store.Alerts(limit: 2).ShouldNotBeNull();
        listed.Select(a => a.Id).ShouldBe([newer, older]);
        listed[0].ShouldBe(new AlertRecord(newer, T0.AddMinutes(1), "order-hung", AlertSeverity.Critical, "newer", "rsi", "SPY", null, null, null, null));
        listed[1].AckedAt.ShouldBe(T0.AddMinutes(2));
    }

    private static long UnixMs(DateTime utc) => new DateTimeOffset(utc).ToUnixTimeMilliseconds();
}
