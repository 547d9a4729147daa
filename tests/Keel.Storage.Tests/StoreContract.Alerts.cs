using Keel.Core.Persistence;
using static Keel.Storage.Tests.Sample;

namespace Keel.Storage.Tests;

// Alerts, the outbox and the service's lifecycle: what the sender, `keel alerts` and `keel status` rely on.
public abstract partial class StoreContract
{
    private static readonly string[] TwoSinks = ["email-1", "webhook-2"];

    private static NewAlert Drawdown(AlertSeverity severity = AlertSeverity.Warning, DateTime? at = null) =>
        new(at ?? T0, "drawdown", severity, "account drawdown 11.20% from the peak 100000.00", Condition: "drawdown:account");

    [Scenario]
    public void An_alert_is_stored_with_every_field_and_queued_for_each_sink_in_one_write()
    {
        using var store = Open();
        var id = store.RaiseAlert(new NewAlert(T0, "order-hung", AlertSeverity.Critical, "cancelled after 120 s",
            Strategy: "rsi", Symbol: "SPY", Condition: "order-hung:rsi:SPY", Html: "<p>x</p>"), TwoSinks).ShouldNotBeNull();

        var alert = store.FindAlert(id).ShouldNotBeNull();
        alert.ShouldBe(new AlertRecord(id, T0, "order-hung", AlertSeverity.Critical, "cancelled after 120 s", "rsi", "SPY",
            "order-hung:rsi:SPY", null, null, "<p>x</p>"));
        store.OpenAlerts().ShouldBe([alert]);
        store.Deliveries().ShouldBe([
            new AlertDelivery(id, "email-1", 0, T0, null, null),
            new AlertDelivery(id, "webhook-2", 0, T0, null, null),
        ]);
    }

    [Scenario]
    public void A_condition_raises_once_until_it_clears_or_escalates()
    {
        using var store = Open();
        var first = store.RaiseAlert(Drawdown(), TwoSinks).ShouldNotBeNull();
        store.RaiseAlert(Drawdown(at: T0.AddMinutes(1)), TwoSinks).ShouldBeNull("the same condition again is quiet");
        store.RaiseAlert(Drawdown(AlertSeverity.Info, T0.AddMinutes(2)), TwoSinks).ShouldBeNull("a milder alert of it too");

        var escalated = store.RaiseAlert(Drawdown(AlertSeverity.Critical, T0.AddMinutes(3)), TwoSinks).ShouldNotBeNull();
        store.FindAlert(first)!.ResolvedAt.ShouldBe(T0.AddMinutes(3));
        store.ActiveAlert("drawdown:account")!.Id.ShouldBe(escalated);

        var followUp = store.ResolveAlert(new NewAlert(T0.AddMinutes(4), "drawdown", AlertSeverity.Info, "resolved: 4.00%",
            Condition: "drawdown:account"), ["email-1"]).ShouldNotBeNull();
        store.ActiveAlert("drawdown:account").ShouldBeNull();
        store.FindAlert(followUp)!.ResolvedAt.ShouldBe(T0.AddMinutes(4));
        store.ResolveAlert(new NewAlert(T0.AddMinutes(5), "drawdown", AlertSeverity.Info, "again", Condition: "drawdown:account"), ["email-1"])
            .ShouldBeNull("nothing is active to resolve");
        store.OpenAlerts().ShouldBeEmpty();
        store.Deliveries().Count.ShouldBe(5);

        store.RaiseAlert(Drawdown(at: T0.AddMinutes(6)), TwoSinks).ShouldNotBeNull("cleared, so it may fire again");
    }

    [Scenario]
    public void An_acknowledged_alert_leaves_the_open_list_but_still_suppresses_its_condition()
    {
        using var store = Open();
        var id = store.RaiseAlert(Drawdown(), TwoSinks)!.Value;
        store.AckAlert(id, T0.AddMinutes(1)).ShouldBeTrue();
        store.AckAlert(id, T0.AddMinutes(2)).ShouldBeFalse();
        store.AckAlert(id + 100, T0).ShouldBeFalse();

        store.OpenAlerts().ShouldBeEmpty();
        store.AllAlerts().Single().AckedAt.ShouldBe(T0.AddMinutes(1));
        store.RaiseAlert(Drawdown(at: T0.AddMinutes(3)), TwoSinks).ShouldBeNull();
    }

    [Scenario]
    public void A_claimed_delivery_is_not_claimed_again_until_its_lease_ends_or_it_fails()
    {
        using var store = Open();
        var id = store.RaiseAlert(Drawdown(), TwoSinks)!.Value;

        var mine = store.ClaimDeliveries("service", T0, TimeSpan.FromMinutes(1), 10);
        mine.Select(d => d.Sink).ShouldBe(TwoSinks);
        mine[0].Alert.Id.ShouldBe(id);
        store.ClaimDeliveries("watchdog", T0.AddSeconds(30), TimeSpan.FromMinutes(1), 10).ShouldBeEmpty("leased to the service");

        store.MarkDelivered(id, "email-1", T0.AddSeconds(1));
        store.MarkFailed(id, "webhook-2", "connection refused", T0.AddSeconds(20));
        store.ClaimDeliveries("service", T0.AddSeconds(10), TimeSpan.FromMinutes(1), 10).ShouldBeEmpty("not due yet");

        var retry = store.ClaimDeliveries("service", T0.AddSeconds(20), TimeSpan.FromMinutes(1), 10).ShouldHaveSingleItem();
        retry.Sink.ShouldBe("webhook-2");
        retry.Attempts.ShouldBe(1);
        store.Deliveries().ShouldBe([
            new AlertDelivery(id, "email-1", 1, T0, null, T0.AddSeconds(1)),
            new AlertDelivery(id, "webhook-2", 1, T0.AddSeconds(20), "connection refused", null),
        ]);

        // A lease that ran out (the claimer died mid-send) is claimed again.
        store.ClaimDeliveries("restarted", T0.AddMinutes(5), TimeSpan.FromMinutes(1), 10).ShouldHaveSingleItem().Sink.ShouldBe("webhook-2");
        store.MarkDelivered(id, "webhook-2", T0.AddMinutes(5));
        store.MarkDelivered(id, "webhook-2", T0.AddMinutes(6));
        store.Deliveries()[1].DeliveredAt.ShouldBe(T0.AddMinutes(5), "delivered once");
        store.ClaimDeliveries("any", T0.AddHours(1), TimeSpan.FromMinutes(1), 10).ShouldBeEmpty();
    }

    [Scenario]
    public void A_restarted_service_takes_back_its_predecessors_claims_only()
    {
        using var store = Open();
        store.RaiseAlert(Drawdown(), ["email-1"]);
        store.RaiseAlert(Drawdown(AlertSeverity.Critical), ["email-1"]);
        store.ClaimDeliveries("service-41", T0, TimeSpan.FromMinutes(2), 1).ShouldHaveSingleItem();
        store.ClaimDeliveries("watchdog-7", T0, TimeSpan.FromMinutes(2), 1).ShouldHaveSingleItem();

        store.ReleaseClaims("service-");

        store.ClaimDeliveries("service-42", T0.AddSeconds(1), TimeSpan.FromMinutes(2), 10).ShouldHaveSingleItem().Alert.Severity.ShouldBe(AlertSeverity.Warning);
    }

    [Scenario]
    public void The_outbox_survives_a_reopen()
    {
        long id;
        using (var store = Open()) id = store.RaiseAlert(Drawdown(), TwoSinks)!.Value;
        using var reopened = Open();
        reopened.ClaimDeliveries("restarted", T0, TimeSpan.FromMinutes(1), 10).Select(d => (d.Alert.Id, d.Sink))
            .ShouldBe([(id, "email-1"), (id, "webhook-2")]);
    }

    [Scenario]
    public void A_report_is_recorded_once_per_period()
    {
        using var store = Open();
        var report = new NewAlert(T0, "report-daily", AlertSeverity.Info, "P&L +12.00", Html: "<h1>daily</h1>");
        var id = store.RecordReport("daily", "2026-03-02", report, TwoSinks).ShouldNotBeNull();
        store.RecordReport("daily", "2026-03-02", report, TwoSinks).ShouldBeNull();
        store.RecordReport("weekly", "2026-03-02", report, TwoSinks).ShouldNotBeNull();

        store.FindAlert(id)!.ResolvedAt.ShouldBe(T0, "a report is not an open problem");
        store.OpenAlerts().ShouldBeEmpty();
        store.Deliveries().Count(d => d.AlertId == id).ShouldBe(2);
    }

    [Scenario]
    public void Service_events_come_back_latest_first()
    {
        using var store = Open();
        store.LastServiceEvent().ShouldBeNull();
        store.RecordServiceEvent(new ServiceEvent(T0, ServiceEvent.Started, 41, "paper"));
        store.RecordServiceEvent(new ServiceEvent(T0.AddHours(1), ServiceEvent.Stopped, 41, "clean stop"));
        store.LastServiceEvent().ShouldBe(new ServiceEvent(T0.AddHours(1), ServiceEvent.Stopped, 41, "clean stop"));
    }
}
