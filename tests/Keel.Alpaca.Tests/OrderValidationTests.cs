using Keel.Alpaca.Models;

namespace Keel.Alpaca.Tests;

/// <summary>Alpaca's refusals as the sim gives them (422 validation, 403 account checks), seen through the client.</summary>
public sealed class OrderValidationTests : SimTestBase
{
    private async Task<AlpacaApiException> Refused(AlpacaNewOrder order) =>
        await Should.ThrowAsync<AlpacaApiException>(() => Client.SubmitOrderAsync(order));

    private static AlpacaNewOrder Aapl => new() { Symbol = "AAPL", Qty = 1, Side = AlpacaOrderSide.Buy };

    [Fact]
    public async Task Qty_and_notional_together_are_refused_by_the_client_before_sending()
    {
        await Should.ThrowAsync<ArgumentException>(() => Client.SubmitOrderAsync(Aapl with { Notional = 10 }));
        H.RequestCount("POST", "/v2/orders").ShouldBe(0);
    }

    [Fact]
    public async Task Fractional_equity_orders_must_be_day()
    {
        var error = await Refused(Aapl with { Qty = 0.5m, TimeInForce = AlpacaTimeInForce.Gtc });
        ((int)error.HttpStatus).ShouldBe(422);
        error.Code.ShouldBe(42210000);
        error.ApiMessage.ShouldBe("fractional orders must be DAY orders");
    }

    [Theory]
    [InlineData(AlpacaTimeInForce.Day)]
    [InlineData(AlpacaTimeInForce.Fok)]
    public async Task Crypto_accepts_only_gtc_and_ioc(AlpacaTimeInForce tif)
    {
        var error = await Refused(new AlpacaNewOrder { Symbol = "BTC/USD", Qty = 0.01m, Side = AlpacaOrderSide.Buy, TimeInForce = tif });
        ((int)error.HttpStatus).ShouldBe(422);
        error.ApiMessage.ShouldBe("invalid crypto time_in_force");
    }

    [Fact]
    public async Task Crypto_refuses_stop_orders()
    {
        var error = await Refused(new AlpacaNewOrder
        {
            Symbol = "BTC/USD", Qty = 0.01m, Side = AlpacaOrderSide.Buy, Type = AlpacaOrderType.Stop, StopPrice = 43000m,
            TimeInForce = AlpacaTimeInForce.Gtc,
        });
        error.ApiMessage.ShouldBe("invalid order type for crypto order");
    }

    [Theory]
    [InlineData("10.001")]
    [InlineData("0.12345")]
    public async Task Sub_penny_prices_are_refused(string price)
    {
        var limit = decimal.Parse(price, System.Globalization.CultureInfo.InvariantCulture);
        var error = await Refused(Aapl with { Type = AlpacaOrderType.Limit, LimitPrice = limit });
        ((int)error.HttpStatus).ShouldBe(422);
        error.ApiMessage.ShouldContain("sub-penny increment");
    }

    [Fact]
    public async Task Limit_order_without_limit_price_is_refused()
    {
        var error = await Refused(Aapl with { Type = AlpacaOrderType.Limit });
        ((int)error.HttpStatus).ShouldBe(422);
        error.Code.ShouldBe(40010001);
        error.ApiMessage.ShouldContain("limit_price is required");
    }

    [Fact]
    public async Task Bracket_take_profit_must_be_above_stop_loss_for_a_buy()
    {
        var error = await Refused(Aapl with
        {
            OrderClass = AlpacaOrderClass.Bracket,
            TakeProfit = new AlpacaTakeProfit { LimitPrice = 95m },
            StopLoss = new AlpacaStopLoss { StopPrice = 96m },
        });
        error.ApiMessage.ShouldBe("take_profit.limit_price must be > stop_loss.stop_price");
    }

    [Fact]
    public async Task Bracket_stop_must_be_a_cent_below_the_base_price()
    {
        var error = await Refused(Aapl with
        {
            OrderClass = AlpacaOrderClass.Bracket,
            TakeProfit = new AlpacaTakeProfit { LimitPrice = 110m },
            StopLoss = new AlpacaStopLoss { StopPrice = 100.02m },
        });
        error.ApiMessage.ShouldStartWith("stop_loss.stop_price must be <= base_price - 0.01");
    }

    [Fact]
    public async Task Extended_hours_needs_a_day_limit_order()
    {
        var error = await Refused(Aapl with { ExtendedHours = true });
        error.ApiMessage.ShouldBe("extended hours order must be DAY limit orders");
    }

    [Fact]
    public async Task Unknown_symbol_is_refused()
    {
        var error = await Refused(Aapl with { Symbol = "ZZZZ" });
        ((int)error.HttpStatus).ShouldBe(422);
        error.ApiMessage.ShouldBe("asset \"ZZZZ\" not found");
    }

    [Fact]
    public async Task Client_order_id_over_48_characters_is_refused()
    {
        var error = await Refused(Aapl with { ClientOrderId = new string('x', 49) });
        error.ApiMessage.ShouldContain("48");
    }

    [Fact]
    public async Task Buying_more_than_the_cash_is_403_with_the_buying_power()
    {
        var error = await Refused(Aapl with { Qty = 2000 });
        ((int)error.HttpStatus).ShouldBe(403);
        error.Code.ShouldBe(40310000);
        error.ApiMessage.ShouldBe("insufficient buying power");
        error.Body!.BuyingPower.ShouldBe(100_000m);
    }

    [Fact]
    public async Task Selling_what_is_not_held_is_403_with_the_quantities()
    {
        var error = await Refused(Aapl with { Side = AlpacaOrderSide.Sell, Qty = 3 });
        ((int)error.HttpStatus).ShouldBe(403);
        error.ApiMessage.ShouldBe("insufficient qty available for order (requested: 3, available: 0)");
        error.Body!.HeldForOrders.ShouldBe(0m);
    }

    [Fact]
    public async Task Crypto_sell_beyond_the_balance_names_the_coin()
    {
        var error = await Refused(new AlpacaNewOrder { Symbol = "BTCUSD", Qty = 0.5m, Side = AlpacaOrderSide.Sell, TimeInForce = AlpacaTimeInForce.Gtc });
        error.ApiMessage.ShouldBe("insufficient balance for BTC (requested: 0.5, available: 0)");
        error.Body!.Symbol.ShouldBe("BTC");
    }

    [Fact]
    public async Task Crypto_buy_under_ten_dollars_is_refused()
    {
        var error = await Refused(new AlpacaNewOrder { Symbol = "BTC/USD", Notional = 5m, Side = AlpacaOrderSide.Buy, TimeInForce = AlpacaTimeInForce.Gtc });
        ((int)error.HttpStatus).ShouldBe(403);
        error.ApiMessage.ShouldBe("cost basis must be >= minimal amount of order 10");
    }

    [Fact]
    public async Task Reusing_a_client_order_id_for_another_order_is_422_even_after_cancel()
    {
        var first = await Client.SubmitOrderAsync(Aapl with { Type = AlpacaOrderType.Limit, LimitPrice = 90m, ClientOrderId = "once" });
        await Client.CancelOrderAsync(first.Id);
        var error = await Refused(new AlpacaNewOrder { Symbol = "MSFT", Qty = 1, Side = AlpacaOrderSide.Buy, ClientOrderId = "once" });
        ((int)error.HttpStatus).ShouldBe(422);
        error.Code.ShouldBe(40010001);
        error.IsDuplicateClientOrderId.ShouldBeTrue();
    }

    [Fact]
    public async Task Resending_the_same_decision_returns_the_existing_order_instead_of_a_duplicate()
    {
        var order = Aapl with { ClientOrderId = "decision-1" };
        var first = await Client.SubmitOrderAsync(order);
        var again = await Client.SubmitOrderAsync(order);
        again.Id.ShouldBe(first.Id);
        H.Sim.Broker.AllOrders().Count(o => o.ClientOrderId == "decision-1").ShouldBe(1);
    }

    [Fact]
    public async Task Malformed_body_is_refused_by_the_sim()
    {
        using var http = new HttpClient();
        using var request = new HttpRequestMessage(HttpMethod.Post, new Uri(H.Sim.BaseUrl, "/v2/orders"))
        {
            Content = new StringContent("{\"symbol\":\"AAPL\",\"qty\":\"1\",\"side\":\"buy\",\"type\":\"market\",\"time_in_force\":\"day\",\"limit_price\":{}}"),
        };
        request.Headers.Add("APCA-API-KEY-ID", "k");
        request.Headers.Add("APCA-API-SECRET-KEY", "s");
        using var response = await http.SendAsync(request);
        ((int)response.StatusCode).ShouldBe(422);
        (await response.Content.ReadAsStringAsync()).ShouldContain("\"code\":40010001");
    }

    [Fact]
    public async Task Sim_accepts_quantities_sent_as_numbers()
    {
        using var http = new HttpClient();
        using var request = new HttpRequestMessage(HttpMethod.Post, new Uri(H.Sim.BaseUrl, "/v2/orders"))
        {
            Content = new StringContent("{\"symbol\":\"AAPL\",\"qty\":2,\"side\":\"buy\",\"type\":\"limit\",\"limit_price\":99.5,\"time_in_force\":\"day\"}"),
        };
        request.Headers.Add("APCA-API-KEY-ID", "k");
        request.Headers.Add("APCA-API-SECRET-KEY", "s");
        using var response = await http.SendAsync(request);
        var body = await response.Content.ReadAsStringAsync();
        response.IsSuccessStatusCode.ShouldBeTrue(body);
        body.ShouldContain("\"qty\":\"2\"");
        body.ShouldContain("\"limit_price\":\"99.5\"");
    }
}
