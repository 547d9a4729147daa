using Keel.Alpaca.Models;

namespace Keel.Alpaca.Tests;

/// <summary>Every trading endpoint the client uses, against the in-process sim over real HTTP.</summary>
public sealed class TradingApiTests : SimTestBase
{
    private static AlpacaNewOrder MarketBuy(string symbol, decimal qty, string? clientOrderId = null) => new()
    {
        Symbol = symbol, Qty = qty, Side = AlpacaOrderSide.Buy, Type = AlpacaOrderType.Market,
        TimeInForce = symbol.Contains('/') ? AlpacaTimeInForce.Gtc : AlpacaTimeInForce.Day, ClientOrderId = clientOrderId,
    };

    [Fact]
    public async Task New_account_has_100k_cash_and_buying_power()
    {
        var account = await Client.GetAccountAsync();
        account.Status.ShouldBe("ACTIVE");
        account.Cash.ShouldBe(100_000m);
        account.BuyingPower.ShouldBe(100_000m);
        account.Equity.ShouldBe(100_000m);
        account.Currency.ShouldBe("USD");
    }

    [Fact]
    public async Task Market_buy_fills_at_the_ask_and_updates_cash_position_and_activities()
    {
        var order = await Client.SubmitOrderAsync(MarketBuy("AAPL", 10, "buy-aapl-1"));
        order.Status.ShouldBe(AlpacaOrderStatus.Filled);
        order.FilledQty.ShouldBe(10m);
        order.FilledAvgPrice.ShouldBe(100.02m);
        order.ClientOrderId.ShouldBe("buy-aapl-1");

        var account = await Client.GetAccountAsync();
        account.Cash.ShouldBe(100_000m - 1000.2m);
        account.Equity.ShouldBe(100_000m - 1000.2m + 10 * 100.01m); // marked at the mid

        var position = (await Client.GetPositionAsync("AAPL")).ShouldNotBeNull();
        position.Qty.ShouldBe(10m);
        position.AvgEntryPrice.ShouldBe(100.02m);
        position.QtyAvailable.ShouldBe(10m);
        position.Side.ShouldBe(AlpacaPositionSide.Long);
        (await Client.ListPositionsAsync()).ShouldHaveSingleItem().Symbol.ShouldBe("AAPL");

        var fill = (await Client.GetFillActivitiesPageAsync(new AlpacaActivityQuery())).ShouldHaveSingleItem();
        fill.OrderId.ShouldBe(order.Id);
        fill.Price.ShouldBe(100.02m);
        fill.Qty.ShouldBe(10m);
        fill.CumQty.ShouldBe(10m);
        fill.LeavesQty.ShouldBe(0m);
        fill.Type.ShouldBe("fill");
        fill.Id.ShouldStartWith("20240102150000000::");
    }

    [Fact]
    public async Task Crypto_position_is_keyed_without_slash_and_found_by_either_form()
    {
        await Client.SubmitOrderAsync(MarketBuy("BTC/USD", 0.01m));
        var bySlash = (await Client.GetPositionAsync("BTC/USD")).ShouldNotBeNull();
        bySlash.Symbol.ShouldBe("BTCUSD");
        bySlash.AssetClass.ShouldBe(AlpacaAssetClass.Crypto);
        bySlash.Qty.ShouldBe(0.00997500m); // 0.25% of the coin is the fee
        (await Client.GetPositionAsync("BTCUSD")).ShouldNotBeNull();
    }

    [Fact]
    public async Task Crypto_fee_is_taken_in_the_coin_on_a_buy_and_in_dollars_on_a_sell()
    {
        // BTC/USD bid 42000, ask 42010; the sim's default fee is 0.25%.
        var buy = await Client.SubmitOrderAsync(MarketBuy("BTC/USD", 0.1m, "fee-buy"));
        buy.FilledQty.ShouldBe(0.1m); // Alpaca keeps the order's quantity; the position gets less
        var position = (await Client.GetPositionAsync("BTCUSD")).ShouldNotBeNull();
        position.Qty.ShouldBe(0.09975m);
        position.QtyAvailable.ShouldBe(0.09975m);
        (await Client.GetAccountAsync()).Cash.ShouldBe(100_000m - 4201m);
        (await Client.GetFillActivitiesPageAsync(new AlpacaActivityQuery())).ShouldHaveSingleItem().Qty.ShouldBe(0.1m);

        // Selling the order's quantity fails, as on Alpaca paper: size sells from the position.
        var tooMuch = await Should.ThrowAsync<AlpacaApiException>(() => Client.SubmitOrderAsync(new AlpacaNewOrder
        {
            Symbol = "BTC/USD", Qty = 0.1m, Side = AlpacaOrderSide.Sell, TimeInForce = AlpacaTimeInForce.Gtc,
        }));
        tooMuch.ApiMessage.ShouldStartWith("insufficient balance for BTC");
        await Client.SubmitOrderAsync(new AlpacaNewOrder
        {
            Symbol = "BTC/USD", Qty = 0.09975m, Side = AlpacaOrderSide.Sell, TimeInForce = AlpacaTimeInForce.Gtc, ClientOrderId = "fee-sell",
        });
        (await Client.GetPositionAsync("BTCUSD")).ShouldBeNull();
        var proceeds = 0.09975m * 42000m;
        (await Client.GetAccountAsync()).Cash.ShouldBe(100_000m - 4201m + proceeds - proceeds * 0.0025m);

        var fees = await Client.GetFeeActivitiesPageAsync(new AlpacaActivityQuery { Direction = AlpacaSortDirection.Asc });
        fees.Count.ShouldBe(2);
        (fees[0].ActivityType, fees[0].Symbol, fees[0].Qty, fees[0].NetAmount, fees[0].OrderId).ShouldBe(("CFEE", "BTCUSD", -0.00025m, 0m, buy.Id));
        (fees[1].Qty, fees[1].NetAmount).ShouldBe((0m, -(proceeds * 0.0025m)));
    }

    [Fact]
    public async Task Crypto_fees_of_a_partly_filled_order_add_up_to_the_fee_of_the_whole()
    {
        H.Sim.Faults.Set(new Keel.AlpacaSim.Faults.FaultSettings { PartialFills = new Keel.AlpacaSim.Faults.PartialFillFault { Probability = 1, Seed = 5 } });
        var order = await Client.SubmitOrderAsync(MarketBuy("BTC/USD", 0.123456789m));
        order.Status.ShouldBe(AlpacaOrderStatus.PartiallyFilled);
        H.Sim.Faults.Clear();
        (await Client.GetOrderAsync(order.Id)).Status.ShouldBe(AlpacaOrderStatus.Filled);
        var fee = Math.Round(0.123456789m * 0.0025m, 9, MidpointRounding.AwayFromZero);
        (await Client.GetPositionAsync("BTCUSD"))!.Qty.ShouldBe(0.123456789m - fee);
        (await Client.GetFeeActivitiesPageAsync(new AlpacaActivityQuery())).Sum(f => f.Qty).ShouldBe(-fee);
    }

    [Fact]
    public async Task Notional_order_buys_the_fraction_the_money_affords()
    {
        var order = await Client.SubmitOrderAsync(new AlpacaNewOrder
        {
            Symbol = "AAPL", Notional = 50.01m, Side = AlpacaOrderSide.Buy, TimeInForce = AlpacaTimeInForce.Day,
        });
        order.Qty.ShouldBeNull();
        order.Notional.ShouldBe(50.01m);
        order.Status.ShouldBe(AlpacaOrderStatus.Filled);
        order.FilledQty.ShouldBe(0.5m);
    }

    [Fact]
    public async Task Order_is_found_by_id_and_by_client_order_id_and_unknown_ids_give_null_or_404()
    {
        var order = await Client.SubmitOrderAsync(MarketBuy("AAPL", 1, "lookup-me"));
        (await Client.GetOrderAsync(order.Id)).ClientOrderId.ShouldBe("lookup-me");
        (await Client.GetOrderByClientOrderIdAsync("lookup-me")).ShouldNotBeNull().Id.ShouldBe(order.Id);
        (await Client.GetOrderByClientOrderIdAsync("never-sent")).ShouldBeNull();
        var missing = await Should.ThrowAsync<AlpacaApiException>(() => Client.GetOrderAsync(Guid.NewGuid().ToString()));
        missing.IsNotFound.ShouldBeTrue();
        missing.Code.ShouldBe(40410000);
    }

    [Fact]
    public async Task Limit_order_waits_until_the_quote_crosses_then_fills_at_the_touch()
    {
        var order = await Client.SubmitOrderAsync(new AlpacaNewOrder
        {
            Symbol = "AAPL", Qty = 5, Side = AlpacaOrderSide.Buy, Type = AlpacaOrderType.Limit, LimitPrice = 99.50m,
        });
        order.Status.ShouldBe(AlpacaOrderStatus.New);
        (await Client.GetAccountAsync()).BuyingPower.ShouldBe(100_000m - 5 * 99.50m); // reserved while open

        H.Sim.Quotes.Set("AAPL", 99.40m, 99.45m);
        var filled = await Client.GetOrderAsync(order.Id);
        filled.Status.ShouldBe(AlpacaOrderStatus.Filled);
        filled.FilledAvgPrice.ShouldBe(99.45m);
    }

    [Fact]
    public async Task Cancel_gives_204_then_canceled_and_a_second_cancel_is_422()
    {
        var order = await Client.SubmitOrderAsync(new AlpacaNewOrder
        {
            Symbol = "AAPL", Qty = 1, Side = AlpacaOrderSide.Buy, Type = AlpacaOrderType.Limit, LimitPrice = 90m,
        });
        await Client.CancelOrderAsync(order.Id);
        var canceled = await Client.GetOrderAsync(order.Id);
        canceled.Status.ShouldBe(AlpacaOrderStatus.Canceled);
        canceled.CanceledAt.ShouldNotBeNull();

        var again = await Should.ThrowAsync<AlpacaApiException>(() => Client.CancelOrderAsync(order.Id));
        ((int)again.HttpStatus).ShouldBe(422);
        again.ApiMessage.ShouldBe("order is already in \"canceled\" state");
        (await Should.ThrowAsync<AlpacaApiException>(() => Client.CancelOrderAsync(Guid.NewGuid().ToString()))).IsNotFound.ShouldBeTrue();
    }

    [Fact]
    public async Task Cancel_all_answers_207_with_one_result_per_open_order()
    {
        for (var i = 0; i < 3; i++)
        {
            await Client.SubmitOrderAsync(new AlpacaNewOrder
            {
                Symbol = "AAPL", Qty = 1, Side = AlpacaOrderSide.Buy, Type = AlpacaOrderType.Limit, LimitPrice = 90m + i,
            });
        }
        var results = await Client.CancelAllOrdersAsync();
        results.Count.ShouldBe(3);
        results.ShouldAllBe(r => r.Status == 200);
        H.Sim.Requests.All().Last(r => r.Method == "DELETE").Status.ShouldBe(207);
        (await Client.ListOrdersPageAsync(new AlpacaOrderQuery { Status = "open" })).ShouldBeEmpty();
    }

    [Fact]
    public async Task Listing_pages_by_moving_until_and_returns_every_order_once()
    {
        var ids = new List<string>();
        for (var i = 0; i < 7; i++)
        {
            H.Sim.Clock.Advance(TimeSpan.FromSeconds(1));
            ids.Add((await Client.SubmitOrderAsync(MarketBuy("AAPL", 1, $"page-{i}"))).Id);
        }
        var all = new List<AlpacaOrder>();
        await foreach (var order in Client.ListOrdersAsync(new AlpacaOrderQuery { Status = "all", Limit = 3 })) all.Add(order);
        all.Select(o => o.Id).ShouldBe(Enumerable.Reverse(ids)); // newest first, no gaps, no repeats
        H.RequestCount("GET", "/v2/orders").ShouldBeGreaterThanOrEqualTo(3);
        H.Sim.Requests.All().Where(r => r.Path == "/v2/orders" && r.Method == "GET").Skip(1).ShouldAllBe(r => r.Query.Contains("until="));
    }

    [Fact]
    public async Task Listing_ascending_pages_by_moving_after_and_filters_by_side_and_symbol()
    {
        for (var i = 0; i < 4; i++)
        {
            H.Sim.Clock.Advance(TimeSpan.FromSeconds(1));
            await Client.SubmitOrderAsync(MarketBuy(i % 2 == 0 ? "AAPL" : "BTC/USD", i % 2 == 0 ? 1 : 0.001m));
        }
        var ascending = new List<AlpacaOrder>();
        await foreach (var order in Client.ListOrdersAsync(new AlpacaOrderQuery { Status = "closed", Limit = 1, Direction = AlpacaSortDirection.Asc }))
            ascending.Add(order);
        ascending.Count.ShouldBe(4);
        ascending.Select(o => o.CreatedAt).ShouldBeInOrder(SortDirection.Ascending);

        var crypto = await Client.ListOrdersPageAsync(new AlpacaOrderQuery { Status = "all", Symbols = ["BTCUSD"], Side = AlpacaOrderSide.Buy });
        crypto.Count.ShouldBe(2);
        crypto.ShouldAllBe(o => o.Symbol == "BTC/USD");
    }

    [Fact]
    public async Task Close_position_sells_all_or_part_and_unknown_positions_are_404()
    {
        await Client.SubmitOrderAsync(MarketBuy("AAPL", 10));
        var partial = await Client.ClosePositionAsync("AAPL", percentage: 40);
        partial.Side.ShouldBe(AlpacaOrderSide.Sell);
        partial.Qty.ShouldBe(4m);
        partial.FilledAvgPrice.ShouldBe(100.00m); // sells at the bid
        (await Client.GetPositionAsync("AAPL"))!.Qty.ShouldBe(6m);

        await Client.ClosePositionAsync("AAPL");
        (await Client.GetPositionAsync("AAPL")).ShouldBeNull();
        (await Should.ThrowAsync<AlpacaApiException>(() => Client.ClosePositionAsync("AAPL"))).IsNotFound.ShouldBeTrue();
    }

    [Fact]
    public async Task Close_all_positions_answers_207_per_symbol()
    {
        await Client.SubmitOrderAsync(MarketBuy("AAPL", 2));
        await Client.SubmitOrderAsync(MarketBuy("BTC/USD", 0.001m));
        var results = await Client.CloseAllPositionsAsync(cancelOrders: true);
        results.Select(r => r.Symbol).ShouldBe(["AAPL", "BTCUSD"]);
        results.ShouldAllBe(r => r.Status == 200 && r.Body!.Side == AlpacaOrderSide.Sell);
        (await Client.ListPositionsAsync()).ShouldBeEmpty();
    }

    [Fact]
    public async Task Clock_reports_open_market_in_eastern_time()
    {
        var clock = await Client.GetClockAsync();
        clock.IsOpen.ShouldBeTrue();
        clock.Timestamp.ShouldBe(SimHarness.MarketOpen);
        clock.Timestamp.Offset.ShouldBe(TimeSpan.FromHours(-5));
        clock.NextClose.ShouldBe(new DateTimeOffset(2024, 1, 2, 16, 0, 0, TimeSpan.FromHours(-5)));
        clock.NextOpen.ShouldBe(new DateTimeOffset(2024, 1, 3, 9, 30, 0, TimeSpan.FromHours(-5)));

        H.Sim.Clock.Set(new DateTimeOffset(2024, 1, 6, 15, 0, 0, TimeSpan.Zero)); // Saturday
        var weekend = await Client.GetClockAsync();
        weekend.IsOpen.ShouldBeFalse();
        weekend.NextOpen.ShouldBe(new DateTimeOffset(2024, 1, 8, 9, 30, 0, TimeSpan.FromHours(-5)));
    }

    [Fact]
    public async Task Calendar_lists_weekdays_with_session_times()
    {
        var days = await Client.GetCalendarAsync(new DateOnly(2024, 1, 5), new DateOnly(2024, 1, 9));
        days.Select(d => d.Date).ShouldBe([new DateOnly(2024, 1, 5), new DateOnly(2024, 1, 8), new DateOnly(2024, 1, 9)]);
        days.ShouldAllBe(d => d.Open == new TimeOnly(9, 30) && d.Close == new TimeOnly(16, 0)
                              && d.SessionOpen == new TimeOnly(4, 0) && d.SessionClose == new TimeOnly(20, 0));
    }

    [Fact]
    public async Task Assets_are_listed_filtered_and_found_by_symbol_with_or_without_slash()
    {
        var crypto = await Client.ListAssetsAsync(status: "active", assetClass: "crypto");
        crypto.ShouldContain(a => a.Symbol == "BTC/USD");
        crypto.ShouldAllBe(a => a.AssetClass == AlpacaAssetClass.Crypto && !a.Marginable && !a.Shortable);

        var btc = (await Client.GetAssetAsync("BTC/USD")).ShouldNotBeNull();
        btc.AssetClass.ShouldBe(AlpacaAssetClass.Crypto);
        (await Client.GetAssetAsync("BTCUSD"))!.Id.ShouldBe(btc.Id);
        (await Client.GetAssetAsync("AAPL"))!.AssetClass.ShouldBe(AlpacaAssetClass.UsEquity);
        (await Client.GetAssetAsync("NOPE")).ShouldBeNull();
    }

    [Fact]
    public async Task Fill_activities_page_by_the_last_id()
    {
        for (var i = 0; i < 5; i++)
        {
            H.Sim.Clock.Advance(TimeSpan.FromMilliseconds(10));
            await Client.SubmitOrderAsync(MarketBuy("AAPL", 1));
        }
        var all = new List<AlpacaFillActivity>();
        await foreach (var fill in Client.GetFillActivitiesAsync(new AlpacaActivityQuery { PageSize = 2 })) all.Add(fill);
        all.Count.ShouldBe(5);
        all.Select(f => f.Id).Distinct().Count().ShouldBe(5);
        all.Select(f => f.TransactionTime).ShouldBeInOrder(SortDirection.Descending);
        H.Sim.Requests.All().Count(r => r.Path == "/v2/account/activities/FILL" && r.Query.Contains("page_token=")).ShouldBe(2);
    }

    [Fact]
    public async Task Bracket_entry_releases_its_exits_and_one_exit_cancels_the_other()
    {
        var entry = await Client.SubmitOrderAsync(new AlpacaNewOrder
        {
            Symbol = "AAPL", Qty = 10, Side = AlpacaOrderSide.Buy, Type = AlpacaOrderType.Market,
            OrderClass = AlpacaOrderClass.Bracket,
            TakeProfit = new AlpacaTakeProfit { LimitPrice = 105m },
            StopLoss = new AlpacaStopLoss { StopPrice = 95m },
        });
        entry.Status.ShouldBe(AlpacaOrderStatus.Filled);
        entry.Legs.ShouldNotBeNull().Count.ShouldBe(2);
        entry.Legs.ShouldAllBe(l => l.Status == AlpacaOrderStatus.New && l.Side == AlpacaOrderSide.Sell);

        H.Sim.Quotes.Set("AAPL", 105.10m, 105.12m);
        var after = await Client.GetOrderAsync(entry.Id, nested: true);
        var takeProfit = after.Legs!.Single(l => l.Type == AlpacaOrderType.Limit);
        var stopLoss = after.Legs!.Single(l => l.Type == AlpacaOrderType.Stop);
        takeProfit.Status.ShouldBe(AlpacaOrderStatus.Filled);
        takeProfit.FilledAvgPrice.ShouldBe(105.10m);
        stopLoss.Status.ShouldBe(AlpacaOrderStatus.Canceled);
        (await Client.GetPositionAsync("AAPL")).ShouldBeNull();
    }

    [Fact]
    public async Task Equity_order_outside_hours_is_accepted_then_fills_at_the_open()
    {
        H.Sim.Clock.Set(new DateTimeOffset(2024, 1, 2, 13, 0, 0, TimeSpan.Zero)); // 08:00 New York
        var order = await Client.SubmitOrderAsync(MarketBuy("AAPL", 1));
        order.Status.ShouldBe(AlpacaOrderStatus.Accepted);
        order.FilledQty.ShouldBe(0m);

        H.Sim.Clock.Set(new DateTimeOffset(2024, 1, 2, 14, 30, 0, TimeSpan.Zero)); // 09:30 New York
        (await Client.GetOrderAsync(order.Id)).Status.ShouldBe(AlpacaOrderStatus.Filled);
    }

    [Fact]
    public async Task Day_order_expires_at_the_close_but_crypto_trades_on_the_weekend()
    {
        var day = await Client.SubmitOrderAsync(new AlpacaNewOrder
        {
            Symbol = "AAPL", Qty = 1, Side = AlpacaOrderSide.Buy, Type = AlpacaOrderType.Limit, LimitPrice = 50m,
        });
        H.Sim.Clock.Set(new DateTimeOffset(2024, 1, 6, 15, 0, 0, TimeSpan.Zero)); // Saturday
        var expired = await Client.GetOrderAsync(day.Id);
        expired.Status.ShouldBe(AlpacaOrderStatus.Expired);
        expired.ExpiredAt.ShouldNotBeNull();

        (await Client.SubmitOrderAsync(MarketBuy("BTC/USD", 0.001m))).Status.ShouldBe(AlpacaOrderStatus.Filled);
    }
}
