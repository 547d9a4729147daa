using System.Reflection;
using Keel.Core.Persistence;
using Keel.Core.Strategies;
using Keel.Core.Trading;
using static Keel.Storage.Tests.Sample;

namespace Keel.Storage.Tests;

/// <summary>
/// What every store provider owes the service. A provider's test class opens stores on one database of
/// its own (<see cref="Open"/> may be called again to reopen it, as a restarted service would) and runs
/// each <see cref="ScenarioAttribute"/> method through <see cref="Run"/>.
/// </summary>
public abstract partial class StoreContract
{
    /// <summary>Opens a store on this test's database: a new, empty one the first time, the same one after.</summary>
    protected abstract DbTradingStore Open();

    public static TheoryData<string> Scenarios { get; } = [.. typeof(StoreContract)
        .GetMethods(BindingFlags.Public | BindingFlags.Instance | BindingFlags.DeclaredOnly)
        .Where(m => m.IsDefined(typeof(ScenarioAttribute)))
        .Select(m => m.Name)
        .Order(StringComparer.Ordinal)];

    protected void Run(string scenario) =>
        typeof(StoreContract).GetMethod(scenario)!.Invoke(this, BindingFlags.DoNotWrapExceptions, null, null, null);

    // ---- orders ----

    [Scenario]
    public void A_new_order_is_stored_with_every_field_before_it_is_sent()
    {
        using var store = Open();
        var order = Entry();
        store.Record(New(order));

        var stored = store.FindOrder(order.ClientOrderId).ShouldNotBeNull();
        stored.Order.ShouldBe(order);
        stored.Status.ShouldBe(OrderStatus.New);
        stored.FilledQuantity.ShouldBe(0m);
        stored.BrokerOrderId.ShouldBeNull();
        stored.UpdatedAt.ShouldBe(order.CreatedAt);
        stored.Note.ShouldBe("sent");
        store.OpenOrders().ShouldBe([stored]);
    }

    [Scenario]
    public void A_second_new_for_the_same_id_changes_nothing()
    {
        using var store = Open();
        var order = Entry();
        store.Record(New(order));
        store.Record(Accepted(order, T0.AddSeconds(1)));
        var before = store.FindOrder(order.ClientOrderId);

        // The same decision re-made after a restart, even with a different size.
        store.Record(New(order with { Quantity = 99m, Reason = "re-made" }));

        store.FindOrder(order.ClientOrderId).ShouldBe(before);
        store.FindOrder(order.ClientOrderId)!.Status.ShouldBe(OrderStatus.Accepted);
    }

    [Scenario]
    public void Status_events_update_the_status_note_and_time_and_close_the_order()
    {
        using var store = Open();
        var order = Entry();
        store.Record(New(order));
        store.Record(Accepted(order, T0.AddSeconds(1)));
        store.FindOrder(order.ClientOrderId)!.Status.ShouldBe(OrderStatus.Accepted);
        store.OpenOrders().Count.ShouldBe(1);

        store.Record(new OrderEvent(T0.AddMinutes(2), order, OrderStatus.Canceled, "not filled within 120 s; cancelled"));

        var stored = store.FindOrder(order.ClientOrderId)!;
        stored.Status.ShouldBe(OrderStatus.Canceled);
        stored.Note.ShouldBe("not filled within 120 s; cancelled");
        stored.UpdatedAt.ShouldBe(T0.AddMinutes(2));
        store.OpenOrders().ShouldBeEmpty();
    }

    [Scenario]
    public void A_late_status_never_reopens_a_closed_order()
    {
        using var store = Open();
        var order = Entry();
        store.Record(New(order));
        store.Record(new OrderEvent(T0.AddSeconds(1), order, OrderStatus.Rejected, "insufficient buying power"));
        store.Record(Accepted(order, T0.AddSeconds(2)));

        store.FindOrder(order.ClientOrderId)!.Status.ShouldBe(OrderStatus.Rejected);
        store.OpenOrders().ShouldBeEmpty();
    }

    [Scenario]
    public void An_event_for_an_order_the_store_never_saw_stores_the_order()
    {
        using var store = Open();
        var stopLoss = Exit("k1-AAPL-260302143000-S", 10m, "k1-AAPL-260302143000-E", OrderPurpose.StopLoss);
        store.Record(Accepted(stopLoss, T0.AddMinutes(5)));

        var stored = store.FindOrder(stopLoss.ClientOrderId).ShouldNotBeNull();
        stored.Order.ShouldBe(stopLoss);
        stored.Status.ShouldBe(OrderStatus.Accepted);
        store.OpenOrders().Select(o => o.Order.ClientOrderId).ShouldBe([stopLoss.ClientOrderId]);
    }

    [Scenario]
    public void Refused_by_risk_is_stored_but_not_open()
    {
        using var store = Open();
        var order = Entry();
        store.Record(new OrderEvent(T0, order, OrderStatus.RefusedByRisk, "max positions reached (5)"));

        store.FindOrder(order.ClientOrderId)!.Status.ShouldBe(OrderStatus.RefusedByRisk);
        store.OpenOrders().ShouldBeEmpty();
    }

    [Scenario]
    public void Every_event_is_appended_to_the_order_history()
    {
        using var store = Open();
        var order = Entry();
        store.Record(New(order));
        store.Record(Accepted(order, T0.AddSeconds(1)));
        store.Record(New(order));
        store.Record(Filled(order, FillOf(order, 4m, 187.2m, T0.AddSeconds(30))));
        store.Record(new OrderEvent(T0.AddMinutes(2), order, OrderStatus.Canceled, "cancelled by the user"));

        store.OrderHistory(order.ClientOrderId).Select(e => (e.Status, e.Note)).ShouldBe(
        [
            (OrderStatus.New, "sent"),
            (OrderStatus.Accepted, order.Reason),
            (OrderStatus.New, "sent"),
            (OrderStatus.PartiallyFilled, "filled 4 at 187.2, commission 0.35, slippage 0.01"),
            (OrderStatus.Canceled, "cancelled by the user"),
        ]);
        store.OrderHistory(order.ClientOrderId)[3].Time.ShouldBe(T0.AddSeconds(30));
        store.FindOrder(order.ClientOrderId)!.FilledQuantity.ShouldBe(4m);
    }

    [Scenario]
    public void An_order_event_keeps_the_broker_time_and_the_receive_time_apart()
    {
        using var store = Open();
        var order = Entry();
        var received = new DateTime(2026, 12, 7, 10, 0, 0, DateTimeKind.Utc);
        store.Record(New(order));
        store.Record(Accepted(order, T0.AddSeconds(1)) with { ReceivedAt = received });
        store.Record(Filled(order, FillOf(order, 10m, 187.2m, T0.AddSeconds(30))) with { ReceivedAt = received.AddSeconds(2) });

        store.OrderHistory(order.ClientOrderId).Select(e => (e.Status, e.Time, e.ReceivedAt)).ShouldBe(
        [
            (OrderStatus.New, T0, (DateTime?)null),
            (OrderStatus.Accepted, T0.AddSeconds(1), received),
            (OrderStatus.Filled, T0.AddSeconds(30), received.AddSeconds(2)),
        ]);
    }

    [Scenario]
    public void The_broker_order_id_is_remembered()
    {
        using var store = Open();
        var order = Entry();
        store.Record(New(order));
        store.SetBrokerOrderId(order.ClientOrderId, "61e69015-8549-4bfd-b9c3-01e75843f47d");

        store.FindOrder(order.ClientOrderId)!.BrokerOrderId.ShouldBe("61e69015-8549-4bfd-b9c3-01e75843f47d");
        store.FindOrder("unknown").ShouldBeNull();
        Should.Throw<InvalidOperationException>(() => store.SetBrokerOrderId("unknown", "x")).Message.ShouldContain("unknown");
    }

    [Scenario]
    public void Open_orders_are_new_accepted_and_partially_filled_ones()
    {
        using var store = Open();
        var a = Entry("a-E");
        var b = Entry("b-E", symbol: Btc) with { CreatedAt = T0.AddMinutes(1) };
        var c = Entry("c-E") with { CreatedAt = T0.AddMinutes(2) };
        var d = Entry("d-E") with { CreatedAt = T0.AddMinutes(3) };
        foreach (var o in new[] { a, b, c, d }) store.Record(New(o));
        store.Record(Accepted(b, T0.AddMinutes(1)));
        store.Record(Filled(c, FillOf(c, 3m, 187m, T0.AddMinutes(2))));
        store.Record(Filled(d, FillOf(d, 10m, 187m, T0.AddMinutes(3))));

        store.OpenOrders().Select(o => (o.Order.ClientOrderId, o.Status)).ShouldBe(
            [("a-E", OrderStatus.New), ("b-E", OrderStatus.Accepted), ("c-E", OrderStatus.PartiallyFilled)]);
    }

    // ---- fills and positions ----

    [Scenario]
    public void A_whole_fill_fills_the_order_and_opens_the_position()
    {
        using var store = Open();
        var order = Entry();
        store.Record(New(order));
        var fill = FillOf(order, 10m, 187.20m, T0.AddMinutes(1));
        store.Record(Filled(order, fill));

        var stored = store.FindOrder(order.ClientOrderId)!;
        stored.Status.ShouldBe(OrderStatus.Filled);
        stored.FilledQuantity.ShouldBe(10m);
        stored.UpdatedAt.ShouldBe(fill.Time);
        store.OpenOrders().ShouldBeEmpty();
        store.Fills().Select(f => f.Fill).ShouldBe([fill]);
        store.Positions().ShouldBe([new StoredPosition(Strategy, Aapl, 10m, 187.20m, fill.Time, order.ClientOrderId)]);
    }

    [Scenario]
    public void Partial_fills_add_up_and_average_the_entry_price()
    {
        using var store = Open();
        var order = Entry();
        store.Record(New(order));
        store.Record(Filled(order, FillOf(order, 3m, 10m, T0.AddMinutes(1))));

        store.FindOrder(order.ClientOrderId)!.Status.ShouldBe(OrderStatus.PartiallyFilled);
        store.FindOrder(order.ClientOrderId)!.FilledQuantity.ShouldBe(3m);
        store.OpenOrders().Count.ShouldBe(1);
        store.Positions().Single().Quantity.ShouldBe(3m);

        store.Record(Filled(order, FillOf(order, 7m, 11m, T0.AddMinutes(2))));

        store.FindOrder(order.ClientOrderId)!.Status.ShouldBe(OrderStatus.Filled);
        store.FindOrder(order.ClientOrderId)!.FilledQuantity.ShouldBe(10m);
        store.OpenOrders().ShouldBeEmpty();
        // Volume-weighted: (3 x 10 + 7 x 11) / 10; entry time and order are the first fill's.
        store.Positions().ShouldBe([new StoredPosition(Strategy, Aapl, 10m, 10.7m, T0.AddMinutes(1), order.ClientOrderId)]);
    }

    [Scenario]
    public void The_same_fill_recorded_twice_counts_once()
    {
        using var store = Open();
        var order = Entry();
        store.Record(New(order));
        var fill = FillOf(order, 4m, 187.2m, T0.AddMinutes(1));
        store.Record(Filled(order, fill));
        var history = store.OrderHistory(order.ClientOrderId).Count;

        store.Record(Filled(order, fill));

        store.Fills().Count.ShouldBe(1);
        store.FindOrder(order.ClientOrderId)!.FilledQuantity.ShouldBe(4m);
        store.FindOrder(order.ClientOrderId)!.Status.ShouldBe(OrderStatus.PartiallyFilled);
        store.Positions().Single().Quantity.ShouldBe(4m);
        store.OrderHistory(order.ClientOrderId).Count.ShouldBe(history);
    }

    [Scenario]
    public void A_fill_recorded_again_after_a_restart_counts_once()
    {
        var order = Entry();
        var first = FillOf(order, 4m, 187.2m, T0.AddMinutes(1));
        var second = FillOf(order, 6m, 187.4m, T0.AddMinutes(2));
        using (var store = Open())
        {
            store.Record(New(order));
            store.Record(Filled(order, first));
            store.Record(Filled(order, second));
        }

        // The restarted service hears of both fills again (e.g. replaying the broker's activities).
        using (var restarted = Open())
        {
            restarted.Record(New(order));
            restarted.Record(Filled(order, first));
            restarted.Record(Filled(order, second));

            restarted.Fills().Select(f => f.Fill).ShouldBe([first, second]);
            restarted.FindOrder(order.ClientOrderId)!.FilledQuantity.ShouldBe(10m);
            restarted.Positions().Single().Quantity.ShouldBe(10m);
        }
    }

    [Scenario]
    public void Two_fills_of_the_same_size_and_price_at_different_times_both_count()
    {
        using var store = Open();
        var order = Entry();
        store.Record(New(order));
        store.Record(Filled(order, FillOf(order, 5m, 187m, T0.AddMinutes(1))));
        store.Record(Filled(order, FillOf(order, 5m, 187m, T0.AddMinutes(2))));

        store.Fills().Count.ShouldBe(2);
        store.FindOrder(order.ClientOrderId)!.Status.ShouldBe(OrderStatus.Filled);
        store.Positions().Single().Quantity.ShouldBe(10m);
    }

    [Scenario]
    public void A_sell_reduces_the_position_at_the_same_average_then_flattens_it()
    {
        using var store = Open();
        var entry = Entry();
        store.Record(New(entry));
        store.Record(Filled(entry, FillOf(entry, 10m, 100m, T0.AddMinutes(1))));

        var exit = Exit("k1-AAPL-260302153000-X", 10m, entry.ClientOrderId);
        store.Record(New(exit));
        store.Record(Filled(exit, FillOf(exit, 4m, 105m, T0.AddHours(1))));

        store.Positions().ShouldBe([new StoredPosition(Strategy, Aapl, 6m, 100m, T0.AddMinutes(1), entry.ClientOrderId)]);
        store.FindOrder(exit.ClientOrderId)!.Status.ShouldBe(OrderStatus.PartiallyFilled);

        store.Record(Filled(exit, FillOf(exit, 6m, 106m, T0.AddHours(1).AddMinutes(1))));

        store.Positions().ShouldBeEmpty();
        store.FindOrder(exit.ClientOrderId)!.Status.ShouldBe(OrderStatus.Filled);
        store.Fills().Select(f => f.Fill.Side).ShouldBe([OrderSide.Buy, OrderSide.Sell, OrderSide.Sell]);
    }

    [Scenario]
    public void A_bracket_exit_known_only_from_its_fill_is_stored_and_closes_the_position()
    {
        using var store = Open();
        var entry = Entry();
        store.Record(New(entry));
        store.Record(Filled(entry, FillOf(entry, 10m, 100m, T0.AddMinutes(1))));

        // What the kernel builds for an exit the broker created (OrderFromFill): quantity = the fill's.
        var stopLoss = Exit("k1-AAPL-260302143000-S", 10m, entry.ClientOrderId, OrderPurpose.StopLoss, T0.AddHours(2));
        store.Record(Filled(stopLoss, FillOf(stopLoss, 10m, 97.5m, T0.AddHours(2))));

        var stored = store.FindOrder(stopLoss.ClientOrderId).ShouldNotBeNull();
        stored.Order.ShouldBe(stopLoss);
        stored.Status.ShouldBe(OrderStatus.Filled);
        stored.FilledQuantity.ShouldBe(10m);
        store.Positions().ShouldBeEmpty();
    }

    [Scenario]
    public void A_fill_after_a_cancel_does_not_reopen_the_order()
    {
        using var store = Open();
        var order = Entry();
        store.Record(New(order));
        store.Record(new OrderEvent(T0.AddMinutes(2), order, OrderStatus.Canceled, "cancelled"));
        store.Record(Filled(order, FillOf(order, 2m, 187m, T0.AddMinutes(1))));

        var stored = store.FindOrder(order.ClientOrderId)!;
        stored.Status.ShouldBe(OrderStatus.Canceled);
        stored.FilledQuantity.ShouldBe(2m);
        store.OpenOrders().ShouldBeEmpty();
        store.Positions().Single().Quantity.ShouldBe(2m);
    }

    [Scenario]
    public void Positions_are_kept_per_strategy_and_symbol()
    {
        using var store = Open();
        var aapl = Entry("a-E");
        var btc = Entry("b-E", 0.125m, Btc);
        var other = Entry("c-E") with { Strategy = "rsi" };
        foreach (var o in new[] { aapl, btc, other })
        {
            store.Record(New(o));
            store.Record(Filled(o, FillOf(o, o.Quantity, 50m, T0.AddMinutes(1))));
        }

        store.Positions().Select(p => (p.Strategy, p.Symbol.Ticker, p.Quantity)).ShouldBe(
            [("rsi", "AAPL", 10m), (Strategy, "AAPL", 10m), (Strategy, "BTC/USD", 0.125m)]);
        store.Positions().Single(p => p.Symbol == Btc).Symbol.IsCrypto.ShouldBeTrue();
    }

    [Scenario]
    public void Fills_are_listed_oldest_first_with_every_field()
    {
        using var store = Open();
        var order = Entry();
        store.Record(New(order));
        var first = FillOf(order, 3m, 187.21m, T0.AddMinutes(1), commission: 0m);
        var second = new Fill(order.ClientOrderId, order.Strategy, order.Symbol, OrderSide.Buy, OrderPurpose.Entry, 7m, 187.2345m, 1.05m, 0.0123m, T0.AddMinutes(2));
        store.Record(Filled(order, first));
        store.Record(Filled(order, second));

        var fills = store.Fills();
        fills.Select(f => f.Fill).ShouldBe([first, second]);
        fills[1].Sequence.ShouldBeGreaterThan(fills[0].Sequence);
    }

    // ---- journal ----

    [Scenario]
    public void Decisions_come_back_whole_and_in_order()
    {
        using var store = Open();
        var votes = string.Join('\n', Enumerable.Range(0, 200).Select(i => $"member {i}: sma({i})=187.{i:000} vote buy ✓ — weight 0.{i:000}"));
        var decisions = new[]
        {
            new Decision(T0, Strategy, Aapl, Signal.Buy(0.1 + 0.2, votes), "buy sent, resized: cash"),
            new Decision(T0.AddMinutes(1), "risk", Aapl, Signal.Hold, "halted: daily loss limit 2% reached"),
            new Decision(T0.AddMinutes(2), Strategy, Btc, Signal.Sell(1, "rsi 71.3 > 70"), "ignored: no position to sell"),
        };
        foreach (var d in decisions) store.Record(d);

        var stored = store.Decisions();
        stored.ShouldBe(decisions);
        stored[0].Signal.Confidence.ShouldBe(0.1 + 0.2); // exactly, not 0.3
        stored[0].Signal.Reason.ShouldBe(votes);
        stored[1].Signal.Reason.ShouldBeNull();
    }

    [Scenario]
    public void Trades_come_back_with_every_field_oldest_first()
    {
        using var store = Open();
        var trades = new[]
        {
            new Trade(Strategy, Aapl, T0, 187.2m, T0.AddDays(2), 190.015m, 10m, 0.7m, 0.02m, "fast crossed above slow", "StopLoss"),
            new Trade("rsi", Btc, T0.AddDays(3), 61_234.56m, T0.AddDays(4), 60_000.01m, 0.000123m, 0m, 0m, "rsi 28 < 30", "rsi 71 > 70"),
        };
        foreach (var t in trades) store.Record(t);

        store.Trades().ShouldBe(trades);
    }

    [Scenario]
    public void A_trade_records_the_code_hash_its_strategy_ran_with_at_the_time()
    {
        using var store = Open();
        var trade = new Trade(Strategy, Aapl, T0, 187.2m, T0.AddDays(2), 190.015m, 10m, 0m, 0m, "in", "out");
        store.Record(trade); // before any source was recorded: unknown, not guessed
        store.RecordStrategySource(new StoredStrategySource(Strategy, "file", "strategies/A.cs", "aaa111", T0));
        store.Record(trade with { EntryTime = T0.AddDays(3), ExitTime = T0.AddDays(4) });
        store.RecordStrategySource(new StoredStrategySource(Strategy, "file", "strategies/A.cs", "bbb222", T0.AddDays(5)));
        store.RecordStrategySource(new StoredStrategySource("rsi", "built-in", null, "ccc333", T0.AddDays(5)));
        store.Record(trade with { EntryTime = T0.AddDays(6), ExitTime = T0.AddDays(7) });

        store.TradesAfter(0).Select(t => t.CodeSha256).ShouldBe([null, "aaa111", "bbb222"]);
    }

    // ---- session state ----

    [Scenario]
    public void The_bar_cursor_is_kept_per_symbol()
    {
        using var store = Open();
        store.Cursor(Aapl).ShouldBeNull();
        store.SaveCursor(new BarCursor(Aapl, "1Min", T0, T0));
        store.SaveCursor(new BarCursor(Btc, "1Hour", T0, T0.AddHours(1)));
        store.SaveCursor(new BarCursor(Aapl, "1Min", T0, T0.AddMinutes(30)));

        store.Cursor(Aapl).ShouldBe(new BarCursor(Aapl, "1Min", T0, T0.AddMinutes(30)));
        store.Cursor(Btc).ShouldBe(new BarCursor(Btc, "1Hour", T0, T0.AddHours(1)));
    }

    [Scenario]
    public void The_first_start_of_day_equity_wins_and_later_calls_only_halt()
    {
        using var store = Open();
        var day = new DateOnly(2026, 3, 2);
        store.TradingDay(day).ShouldBeNull();
        store.SaveTradingDay(new StoredTradingDay(day, 100_000.25m, false, null));

        // A restart later that day computes another start equity: it must not replace the first.
        store.SaveTradingDay(new StoredTradingDay(day, 98_000m, false, null));
        store.TradingDay(day).ShouldBe(new StoredTradingDay(day, 100_000.25m, false, null));

        store.SaveTradingDay(new StoredTradingDay(day, 97_000m, true, "daily loss 2.1% >= 2%"));
        store.TradingDay(day).ShouldBe(new StoredTradingDay(day, 100_000.25m, true, "daily loss 2.1% >= 2%"));

        store.SaveTradingDay(new StoredTradingDay(day.AddDays(1), 97_500m, false, null));
        store.TradingDay(day.AddDays(1))!.StartOfDayEquity.ShouldBe(97_500m);
    }

    [Scenario]
    public void The_kill_switch_is_running_until_halted()
    {
        using var store = Open();
        store.Halt().ShouldBe(HaltState.Running);
        store.SetHalt(new HaltState(true, "keel halt: manual", T0, Flatten: true));
        store.Halt().ShouldBe(new HaltState(true, "keel halt: manual", T0, Flatten: true));
        store.SetHalt(HaltState.Running);
        store.Halt().ShouldBe(HaltState.Running);
    }

    [Scenario]
    public void The_heartbeat_keeps_the_last_cycle()
    {
        using var store = Open();
        store.LastHeartbeat().ShouldBeNull();
        store.SaveHeartbeat(new Heartbeat(T0, T0.AddSeconds(2), "paper", 4242));
        store.SaveHeartbeat(new Heartbeat(T0.AddMinutes(1), T0.AddMinutes(1).AddSeconds(2), "live", 4243));

        store.LastHeartbeat().ShouldBe(new Heartbeat(T0.AddMinutes(1), T0.AddMinutes(1).AddSeconds(2), "live", 4243));
    }

    // ---- snapshots ----

    [Scenario]
    public void The_latest_equity_is_the_one_with_the_latest_time()
    {
        using var store = Open();
        store.LatestEquity().ShouldBeNull();
        store.RecordEquity(new EquitySnapshot(T0.AddMinutes(1), 100_010m, 50_000m));
        store.RecordEquity(new EquitySnapshot(T0.AddMinutes(2), 100_020.5m, 49_000m));
        store.RecordEquity(new EquitySnapshot(T0, 99_000m, 99_000m)); // recorded late, older

        store.LatestEquity().ShouldBe(new EquitySnapshot(T0.AddMinutes(2), 100_020.5m, 49_000m));
    }

    [Scenario]
    public void Daily_pnl_is_one_row_per_day_oldest_first()
    {
        using var store = Open();
        var monday = new DateOnly(2026, 3, 2);
        store.RecordDailyPnl(new DailyPnl(monday.AddDays(1), 100_500m, 100_400m, -100m, 0.7m, 1));
        store.RecordDailyPnl(new DailyPnl(monday, 100_000m, 100_200m, 0m, 0m, 0));
        store.RecordDailyPnl(new DailyPnl(monday, 100_000m, 100_500m, 480.3m, 1.4m, 2));

        store.DailyPnls().ShouldBe(
        [
            new DailyPnl(monday, 100_000m, 100_500m, 480.3m, 1.4m, 2),
            new DailyPnl(monday.AddDays(1), 100_500m, 100_400m, -100m, 0.7m, 1),
        ]);
    }

    [Scenario]
    public void Alerts_are_kept_in_the_order_recorded()
    {
        using var store = Open();
        var alerts = new[]
        {
            new StoredAlert(T0, "daily-loss", "warning", "loss 1.5% of 2% limit"),
            new StoredAlert(T0.AddMinutes(1), "broker", "error", "Alpaca 503; retrying"),
        };
        foreach (var a in alerts) store.RecordAlert(a);
        store.Alerts().ShouldBe(alerts);
    }

    // ---- exactness and durability ----

    [Scenario]
    public void Decimals_come_back_bit_exact()
    {
        using var store = Open();
        decimal[] values = [0.000000001m, 123456789.123456789m, 1.50m, 100.000m, -0.01m, 79228162514264337593543950335m, 0.0000000000000000000000000001m];
        foreach (var (value, i) in values.Select((v, i) => (v, i)))
            store.RecordEquity(new EquitySnapshot(T0.AddMinutes(i), value, -value));
        store.RecordDailyPnl(new DailyPnl(new DateOnly(2026, 3, 2), 0.000000001m, 123456789.123456789m, 1.50m, 100.000m, 0));

        using var reopened = Open();
        var pnl = reopened.DailyPnls().Single();
        Bits(pnl.StartEquity).ShouldBe(Bits(0.000000001m));
        Bits(pnl.EndEquity).ShouldBe(Bits(123456789.123456789m));
        Bits(pnl.RealizedPnl).ShouldBe(Bits(1.50m)); // the scale too: 1.50, not 1.5
        Bits(pnl.Fees).ShouldBe(Bits(100.000m));
        reopened.LatestEquity()!.Equity.ShouldBe(values[^1]);
        Bits(reopened.LatestEquity()!.Cash).ShouldBe(Bits(-values[^1]));

        var order = Entry(quantity: 0.000000001m) with { LimitPrice = 123456789.123456789m, ReferencePrice = 1.50m };
        reopened.Record(New(order));
        var stored = reopened.FindOrder(order.ClientOrderId)!.Order;
        Bits(stored.Quantity).ShouldBe(Bits(0.000000001m));
        Bits(stored.LimitPrice!.Value).ShouldBe(Bits(123456789.123456789m));
        Bits(stored.ReferencePrice!.Value).ShouldBe(Bits(1.50m));
    }

    [Scenario]
    public void Times_come_back_as_utc()
    {
        using var store = Open();
        var precise = T0.AddTicks(1234567);
        var unspecified = DateTime.SpecifyKind(T0.AddHours(1), DateTimeKind.Unspecified); // taken as UTC, not shifted
        store.RecordAlert(new StoredAlert(precise, "a", "info", "ticks"));
        store.RecordAlert(new StoredAlert(unspecified, "b", "info", "unspecified"));

        var alerts = store.Alerts();
        alerts[0].Time.ShouldBe(precise);
        alerts[0].Time.Kind.ShouldBe(DateTimeKind.Utc);
        alerts[1].Time.Ticks.ShouldBe(unspecified.Ticks);
        alerts[1].Time.Kind.ShouldBe(DateTimeKind.Utc);
        store.Record(New(Entry()));
        store.FindOrder(Entry().ClientOrderId)!.Order.CreatedAt.Kind.ShouldBe(DateTimeKind.Utc);
    }

    [Scenario]
    public void Reopening_restores_everything()
    {
        var entry = Entry();
        var fill = FillOf(entry, 10m, 187.2m, T0.AddMinutes(1));
        var exit = Exit("k1-AAPL-260302153000-X", 10m, entry.ClientOrderId);
        var decision = new Decision(T0, Strategy, Aapl, Signal.Buy(0.8, "fast above slow"), "buy sent");
        var trade = new Trade(Strategy, Aapl, T0, 187.2m, T0.AddDays(1), 190m, 10m, 0.7m, 0.02m, "in", "out");
        var day = new StoredTradingDay(new DateOnly(2026, 3, 2), 100_000m, true, "loss limit");
        var halt = new HaltState(true, "manual", T0);
        var equity = new EquitySnapshot(T0, 100_001m, 98_128m);
        var pnl = new DailyPnl(new DateOnly(2026, 3, 2), 100_000m, 100_001m, 0m, 0.35m, 0);
        var alert = new StoredAlert(T0, "halt", "warning", "manual halt");
        var heartbeat = new Heartbeat(T0, T0.AddSeconds(1), "paper", 77);
        var cursor = new BarCursor(Aapl, "1Min", T0.AddDays(-5), T0);

        using (var store = Open())
        {
            store.Record(decision);
            store.Record(New(entry));
            store.SetBrokerOrderId(entry.ClientOrderId, "broker-1");
            store.Record(Filled(entry, fill));
            store.Record(New(exit));
            store.Record(trade);
            store.SaveTradingDay(day);
            store.SetHalt(halt);
            store.RecordEquity(equity);
            store.RecordDailyPnl(pnl);
            store.RecordAlert(alert);
            store.SaveHeartbeat(heartbeat);
            store.SaveCursor(cursor);
        }

        using var reopened = Open();
        reopened.Decisions().ShouldBe([decision]);
        reopened.FindOrder(entry.ClientOrderId).ShouldBe(new StoredOrder(entry, OrderStatus.Filled, 10m, "broker-1", fill.Time, "filled 10 at 187.2, commission 0.35, slippage 0.01"));
        reopened.OpenOrders().Select(o => o.Order).ShouldBe([exit]);
        reopened.Fills().Select(f => f.Fill).ShouldBe([fill]);
        reopened.Positions().ShouldBe([new StoredPosition(Strategy, Aapl, 10m, 187.2m, fill.Time, entry.ClientOrderId)]);
        reopened.Trades().ShouldBe([trade]);
        reopened.TradingDay(day.Day).ShouldBe(day);
        reopened.Halt().ShouldBe(halt);
        reopened.LatestEquity().ShouldBe(equity);
        reopened.DailyPnls().ShouldBe([pnl]);
        reopened.Alerts().ShouldBe([alert]);
        reopened.LastHeartbeat().ShouldBe(heartbeat);
        reopened.Cursor(Aapl).ShouldBe(cursor);
    }

    [Scenario]
    public void Opening_again_and_again_migrates_once_and_keeps_the_data()
    {
        using (var store = Open()) store.RecordAlert(new StoredAlert(T0, "k", "info", "kept"));
        for (var i = 0; i < 3; i++)
        {
            using var again = Open();
            again.Alerts().Select(a => a.Message).ShouldBe(["kept"]);
        }
    }

    [Scenario]
    public void A_disposed_store_refuses_calls()
    {
        var store = Open();
        store.Dispose();
        store.Dispose(); // twice is fine
        Should.Throw<ObjectDisposedException>(() => store.Halt());
        Should.Throw<ObjectDisposedException>(() => store.SetHalt(HaltState.Running));
    }

    private static int[] Bits(decimal value) => decimal.GetBits(value);
}
