using Keel.Core.Domain;
using Keel.Core.Drift;
using Keel.Core.Gates;
using Keel.Core.Persistence;
using Keel.Core.Trading;
using Keel.Reporting.Json;

namespace Keel.Reporting.Tests.Json;

/// <summary>
/// The service commands' <c>--json</c> (status, alerts, drift, gate): field names, order and null rules. The expected
/// lists are the fields the commands printed, over a real paper store, before these models existed.
/// </summary>
public class ServiceJsonTests
{
    private static readonly DateTime Time = new(2024, 12, 16, 14, 33, 0, DateTimeKind.Utc);

    private static StatusJson Status(string? brokerError = null, bool empty = false) => new()
    {
        Mode = "paper", Store = "data/paper.db", Halted = false, HaltReason = null,
        LastCycle = empty ? null : new LastCycleJson(Time, Time.AddYears(2), 2144), ServiceRunning = false, ServiceState = "stopped", ServiceDetail = "stopped cleanly",
        FailingSinks = [new FailingSinkJson("mail", 2, "refused")], BrokerReachable = brokerError is null, BrokerError = brokerError,
        Equity = empty ? null : 99935.82879015389375m, Cash = 96878.71843015389375m,
        Positions = [StatusPositionJson.Of(new StoredPosition("rsi", Symbol.Parse("BTC/USD"), 0.009975m, 3863.8810m, Time, null))],
        OpenOrders = [new StatusOrderJson("k-1", "rsi", "SPY", "buy", 10m, 0m, "new")],
        Today = empty ? null : TodayJson.Of(new DailyPnl(new DateOnly(2024, 12, 16), 100000m, 99935.9m, -62.04m, 1.5m, 40)),
        DailyLossLimit = new DailyLossLimitJson(2m, 98000.00m, 1935.8m, false),
        RecentAlerts = [RecentAlertJson.Of(new StoredAlert(Time, "service-started", "info", "paper service started"))],
        Capital = CapitalJson.Of([new CapitalChange(Time, 1, 10m, "start", "keel live", "first live start")]),
        Gate = StatusGateJson.Of("v1", new GateResult("v1", Time, [new GateRuleResult("sharpe", "rsi", GateStatus.Warn, "Sharpe 0.4")]), 0),
        Drift = StatusDriftJson.Of(new DriftRun("2024-12-16", Time, Time, Time, new DriftSummary(67, 12, 3, 0, 1.0, 1.044759123), 0.9, false, "{}")),
    };

    [Fact]
    public void Status_json_keeps_every_field_in_its_place()
    {
        JsonFields.Of(JsonFields.Text(Status(), ReportJson.Default.StatusJson)).ShouldBe(
        [
            "mode", "store", "halted", "halt_reason", "last_cycle", "last_cycle.broker_time", "last_cycle.wall_time", "last_cycle.pid", "service_running",
            "service_state", "service_detail", "failing_sinks", "failing_sinks[].sink", "failing_sinks[].undelivered", "failing_sinks[].last_error",
            "broker_reachable", "equity", "cash", "positions", "positions[].strategy", "positions[].symbol", "positions[].quantity", "positions[].avg_price",
            "open_orders", "open_orders[].client_order_id", "open_orders[].strategy", "open_orders[].symbol", "open_orders[].side", "open_orders[].quantity",
            "open_orders[].filled_quantity", "open_orders[].status", "today", "today.day", "today.start_equity", "today.pnl", "today.realized_pnl", "today.trades",
            "daily_loss_limit", "daily_loss_limit.percent", "daily_loss_limit.floor_equity", "daily_loss_limit.headroom", "daily_loss_limit.halted_today",
            "recent_alerts", "recent_alerts[].time", "recent_alerts[].kind", "recent_alerts[].message", "capital", "capital.stage", "capital.percent",
            "capital.changes", "capital.changes[].time", "capital.changes[].stage", "capital.changes[].percent", "capital.changes[].kind",
            "capital.changes[].actor", "capital.changes[].reason", "gate", "gate.version", "gate.status", "gate.time", "gate.overrides", "drift", "drift.night",
            "drift.within_tolerance", "drift.matched", "drift.missed", "drift.extra", "drift.return_difference_pct",
        ]);
    }

    [Fact]
    public void Status_json_writes_what_is_unknown_as_null_and_the_broker_error_only_when_there_is_one()
    {
        var text = JsonFields.Text(Status(empty: true), ReportJson.Default.StatusJson);
        text.ShouldContain("\"halt_reason\": null,", Case.Sensitive);
        text.ShouldContain("\"last_cycle\": null,", Case.Sensitive);
        text.ShouldContain("\"equity\": null,", Case.Sensitive);
        text.ShouldContain("\"today\": null,", Case.Sensitive);
        text.ShouldNotContain("broker_error", Case.Sensitive);
        text.ShouldContain("\"quantity\": 0.009975,", Case.Sensitive);
        text.ShouldContain("\"avg_price\": 3863.8810", Case.Sensitive);
        text.ShouldContain("\"status\": \"WARN\",", Case.Sensitive);
        text.ShouldContain("\"return_difference_pct\": -0.044759", Case.Sensitive);

        JsonFields.Of(JsonFields.Text(Status(brokerError: "no answer"), ReportJson.Default.StatusJson))
            .ShouldContain("broker_error");
        JsonFields.Text(Status() with { Drift = StatusDriftJson.Of(null) }, ReportJson.Default.StatusJson).ShouldContain("\"drift\": {\n    \"night\": null\n  }", Case.Sensitive);
        JsonFields.Text(Status() with { Capital = CapitalJson.Of([]) }, ReportJson.Default.StatusJson).ShouldContain("\"stage\": null,\n    \"percent\": null,", Case.Sensitive);
    }

    [Fact]
    public void Status_json_day_is_a_plain_date()
    {
        JsonFields.Text(Status(), ReportJson.Default.StatusJson).ShouldContain("\"day\": \"2024-12-16\",", Case.Sensitive);
    }

    [Fact]
    public void Alerts_json_keeps_every_field_in_its_place()
    {
        var alert = new AlertRecord(7, Time, "drawdown", AlertSeverity.Critical, "drawdown 11.20%", null, "SPY", "dd", null, Time, null);
        var deliveries = new[] { new AlertDelivery(7, "mail", 3, Time, "refused", null) }.ToLookup(d => d.AlertId);
        var text = JsonFields.Text(AlertsJson.Of([alert], deliveries), ReportJson.Default.AlertsJson);

        JsonFields.Of(text).ShouldBe(
        [
            "alerts", "alerts[].id", "alerts[].time", "alerts[].kind", "alerts[].severity", "alerts[].strategy", "alerts[].symbol", "alerts[].message",
            "alerts[].state", "alerts[].deliveries", "alerts[].deliveries[].sink", "alerts[].deliveries[].delivered", "alerts[].deliveries[].attempts",
            "alerts[].deliveries[].last_error",
        ]);
        text.ShouldContain("\"strategy\": null,", Case.Sensitive);
        text.ShouldContain("\"state\": \"acked\",", Case.Sensitive);
        text.ShouldContain("\"severity\": \"critical\",", Case.Sensitive);
    }

    private static DriftReport Drift() => new()
    {
        From = Time, To = Time.AddDays(1), StartingEquity = 100000m, CostModel = "none", TolerancePercent = 0.1m,
        Trades =
        [
            new DriftTrade("rsi", Symbol.Parse("SPY"), Time, OrderSide.Buy, DriftMatch.Missed, null, new DriftFill(10m, 302.06m, 0m, 0m, -3020.6m, Time), false),
            new DriftTrade("rsi", Symbol.Parse("SPY"), Time, OrderSide.Sell, DriftMatch.Matched, new DriftFill(10m, 303m, 0.01m, 0m, 3030m, Time),
                new DriftFill(10m, 302m, 0m, 0m, 3020m, Time), false),
        ],
        PaperCurve = [], ReplayCurve = [], Summary = new DriftSummary(1, 1, 0, 0, 0.0123456789, double.NaN),
        DailyReturnCorrelation = double.NaN, MeanBuyDifferenceBps = 1.23456789, MeanSellDifferenceBps = 0, Explanation = "why",
    };

    private static readonly string[] DriftFields =
    [
        "matched", "missed", "extra", "mispriced", "return_difference_pct", "paper_return_pct", "replay_return_pct", "daily_return_correlation",
        "mean_buy_difference_bps", "mean_sell_difference_bps", "tolerance_pct", "from", "to", "starting_equity", "replay_cost_model", "explanation", "trades",
        "trades[].strategy", "trades[].symbol", "trades[].decision_bar", "trades[].side", "trades[].match", "trades[].paper", "trades[].replay",
        "trades[].replay.time", "trades[].replay.quantity", "trades[].replay.price", "trades[].replay.fee", "trades[].replay.slippage",
        "trades[].price_difference_bps", "trades[].pnl_difference", "trades[].mispriced", "trades[].paper.time", "trades[].paper.quantity",
        "trades[].paper.price", "trades[].paper.fee", "trades[].paper.slippage",
    ];

    [Fact]
    public void Drift_json_keeps_every_field_in_its_place_rounds_ratios_and_writes_a_missing_fill_as_null()
    {
        var text = JsonFields.Text(DriftReportJson.Of(Drift()), ReportJson.Default.DriftReportJson);

        JsonFields.Of(text).ShouldBe(DriftFields);
        text.ShouldContain("\"paper_return_pct\": 0.012346,", Case.Sensitive);
        text.ShouldContain("\"replay_return_pct\": null,", Case.Sensitive);
        text.ShouldContain("\"mean_buy_difference_bps\": 1.234568,", Case.Sensitive);
        text.ShouldContain("\"paper\": null,", Case.Sensitive);
        text.ShouldContain("\"side\": \"buy\",", Case.Sensitive);
        text.ShouldContain("\"match\": \"missed\",", Case.Sensitive);
    }

    [Fact]
    public void Latest_drift_json_puts_the_night_in_front_of_the_stored_report_unchanged()
    {
        var stored = JsonOutput.Compact(DriftReportJson.Of(Drift()), ReportJson.Default.DriftReportJson);
        var run = new DriftRun("2024-12-16", Time, Time, Time, new DriftSummary(1, 1, 0, 0, 0, 0), 0, false, stored);

        var text = JsonFields.Text(DriftRunJson.Of(run), ReportJson.Default.DriftRunJson);

        JsonFields.Of(text).ShouldBe(["night", "ran_at", "within_tolerance", .. DriftFields]);
        JsonFields.Text(DriftRunJson.Of(null), ReportJson.Default.DriftRunJson).ShouldBe("{\n  \"night\": null\n}");
        // The stored report is the same object keel drift --json prints, on one line.
        stored.ShouldStartWith("{\"matched\":1,\"missed\":1,\"extra\":0,\"mispriced\":0,\"return_difference_pct\":null,\"paper_return_pct\":0.012346,\"replay_return_pct\":null,");
    }

    [Fact]
    public void Gate_json_is_status_version_time_and_rules()
    {
        var result = new GateResult("v1", Time, [new GateRuleResult("sharpe", "rsi on SPY", GateStatus.Fail, "Sharpe 0.4; needs > 0.5")]);

        JsonFields.Text(GateResultJson.Of(result), ReportJson.Default.GateResultJson).ShouldBe("""
            {
              "status": "FAIL",
              "version": "v1",
              "time": "2024-12-16T14:33:00Z",
              "rules": [
                {
                  "rule": "sharpe",
                  "subject": "rsi on SPY",
                  "status": "FAIL",
                  "evidence": "Sharpe 0.4; needs \u003E 0.5"
                }
              ]
            }
            """);
    }
}
