using System.Text.Json;
using System.Text.Json.Serialization.Metadata;
using Keel.Alpaca.Json;
using Keel.Alpaca.Models;

namespace Keel.Alpaca.Tests;

/// <summary>
/// One test per wire shape: a payload written field by field from ALPACA_API.md (Payloads/*.json),
/// deserialized through the client's source-generated context, every field checked.
/// </summary>
public sealed class JsonShapeTests
{
    private static T Load<T>(string file, JsonTypeInfo<T> type) =>
        JsonSerializer.Deserialize(File.ReadAllText(Path.Combine(AppContext.BaseDirectory, "Payloads", file)), type)!;

    private static AlpacaJsonContext Json => AlpacaJsonContext.Default;

    [Fact]
    public void Account_decimal_strings_are_exact_and_unknown_fields_are_ignored()
    {
        var account = Load("account.json", Json.AlpacaAccount);
        account.Id.ShouldBe("904837e3-3b76-47ec-b432-046db621571b");
        account.AccountNumber.ShouldBe("PA3717PJAYWN");
        account.Status.ShouldBe("ACTIVE");
        account.CryptoStatus.ShouldBe("ACTIVE");
        account.Currency.ShouldBe("USD");
        account.Cash.ShouldBe(100000.123456789m);
        account.BuyingPower.ShouldBe(199999.5m);
        account.RegtBuyingPower.ShouldBe(199999.5m);
        account.NonMarginableBuyingPower.ShouldBe(99999.75m);
        account.Equity.ShouldBe(100250.01m);
        account.LastEquity.ShouldBe(100000m);
        account.PortfolioValue.ShouldBe(100250.01m);
        account.LongMarketValue.ShouldBe(250.01m);
        account.ShortMarketValue.ShouldBe(0m);
        account.InitialMargin.ShouldBe(125.005m);
        account.MaintenanceMargin.ShouldBe(75.003m);
        account.LastMaintenanceMargin.ShouldBe(0m);
        account.Sma.ShouldBe(0m);
        account.Multiplier.ShouldBe(2m);
        account.AccruedFees.ShouldBe(0m);
        account.OptionsBuyingPower.ShouldBe(99999.75m);
        account.TradingBlocked.ShouldBeFalse();
        account.TransfersBlocked.ShouldBeFalse();
        account.AccountBlocked.ShouldBeFalse();
        account.TradeSuspendedByUser.ShouldBeFalse();
        account.ShortingEnabled.ShouldBeTrue();
        account.CreatedAt.ShouldBe(new DateTimeOffset(2022, 3, 1, 15, 47, 12, TimeSpan.Zero).AddTicks(1234567));
        account.OptionsApprovedLevel.ShouldBe(2);
        account.OptionsTradingLevel.ShouldBe(1);
        // Removed on 2026-07-06: absent, so null.
        account.PatternDayTrader.ShouldBeNull();
        account.DaytradeCount.ShouldBeNull();
        account.DaytradingBuyingPower.ShouldBeNull();
    }

    [Fact]
    public void Order_with_bracket_leg_reads_nulls_enums_and_empty_order_class()
    {
        var order = Load("order.json", Json.AlpacaOrder);
        order.Id.ShouldBe("61e69015-8549-4bfd-b9c3-01e75843f47d");
        order.ClientOrderId.ShouldBe("eb9e2aaa-f71a-4f51-b5b4-52a6c565dad4");
        order.CreatedAt.ShouldBe(DateTimeOffset.Parse("2021-03-16T18:38:01.942282Z", System.Globalization.CultureInfo.InvariantCulture));
        order.SubmittedAt!.Value.UtcDateTime.ShouldBe(new DateTime(2021, 3, 16, 18, 38, 1, DateTimeKind.Utc).AddTicks(9377340));
        order.FilledAt.ShouldBeNull();
        order.ExpiredAt.ShouldBeNull();
        order.ExpiresAt.ShouldBe(new DateTimeOffset(2021, 3, 16, 20, 0, 0, TimeSpan.Zero));
        order.CanceledAt.ShouldBeNull();
        order.FailedAt.ShouldBeNull();
        order.ReplacedAt.ShouldBeNull();
        order.ReplacedBy.ShouldBeNull();
        order.Replaces.ShouldBeNull();
        order.AssetId.ShouldBe("b0b6dd9d-8b9b-48a9-ba46-b9d54906e415");
        order.Symbol.ShouldBe("AAPL");
        order.AssetClass.ShouldBe(AlpacaAssetClass.UsEquity);
        order.Notional.ShouldBeNull();
        order.Qty.ShouldBe(100m);
        order.FilledQty.ShouldBe(0m);
        order.FilledAvgPrice.ShouldBeNull();
        order.OrderClass.ShouldBe(AlpacaOrderClass.Bracket);
        order.OrderType.ShouldBe(AlpacaOrderType.Limit);
        order.Type.ShouldBe(AlpacaOrderType.Limit);
        order.Side.ShouldBe(AlpacaOrderSide.Buy);
        order.TimeInForce.ShouldBe(AlpacaTimeInForce.Day);
        order.LimitPrice.ShouldBe(120.5m);
        order.StopPrice.ShouldBeNull();
        order.Status.ShouldBe(AlpacaOrderStatus.Accepted);
        order.IsFinal.ShouldBeFalse();
        order.ExtendedHours.ShouldBeFalse();
        order.TrailPercent.ShouldBeNull();
        order.TrailPrice.ShouldBeNull();
        order.Hwm.ShouldBeNull();
        order.PositionIntent.ShouldBe("buy_to_open");
        var leg = order.Legs.ShouldHaveSingleItem();
        leg.OrderClass.ShouldBe(AlpacaOrderClass.Simple); // "" means simple
        leg.Status.ShouldBe(AlpacaOrderStatus.Held);
        leg.Side.ShouldBe(AlpacaOrderSide.Sell);
        leg.LimitPrice.ShouldBe(130m);
        leg.Legs.ShouldBeNull();
    }

    [Fact]
    public void Unknown_enum_values_read_as_unknown_instead_of_failing()
    {
        var json = """{"id":"x","status":"brand_new_status","type":"iceberg","side":"sell","time_in_force":"gtd","order_class":"mleg2","asset_class":"us_future","filled_qty":"0"}""";
        var order = JsonSerializer.Deserialize(json, Json.AlpacaOrder)!;
        order.Status.ShouldBe(AlpacaOrderStatus.Unknown);
        order.Type.ShouldBe(AlpacaOrderType.Unknown);
        order.TimeInForce.ShouldBe(AlpacaTimeInForce.Unknown);
        order.OrderClass.ShouldBe(AlpacaOrderClass.Unknown);
        order.AssetClass.ShouldBe(AlpacaAssetClass.Unknown);
        order.Side.ShouldBe(AlpacaOrderSide.Sell);
    }

    [Fact]
    public void Position_keyed_without_slash_reads_every_decimal()
    {
        var position = Load("position.json", Json.AlpacaPosition);
        position.AssetId.ShouldBe("276e2673-764b-4ab6-a611-caf665ca6340");
        position.Symbol.ShouldBe("BTCUSD");
        position.Exchange.ShouldBe("CRYPTO");
        position.AssetClass.ShouldBe(AlpacaAssetClass.Crypto);
        position.Side.ShouldBe(AlpacaPositionSide.Long);
        position.Qty.ShouldBe(0.09975m);
        position.QtyAvailable.ShouldBe(0.09975m);
        position.AvgEntryPrice.ShouldBe(42012.34m);
        position.MarketValue.ShouldBe(4203.0525m);
        position.CostBasis.ShouldBe(4190.73m);
        position.UnrealizedPl.ShouldBe(12.3225m);
        position.UnrealizedPlpc.ShouldBe(0.0029404m);
        position.UnrealizedIntradayPl.ShouldBe(12.3225m);
        position.UnrealizedIntradayPlpc.ShouldBe(0.0029404m);
        position.CurrentPrice.ShouldBe(42136.37m);
        position.LastdayPrice.ShouldBe(41900m);
        position.ChangeToday.ShouldBe(0.0056413m);
        AlpacaSymbols.FromApi(position.Symbol, position.AssetClass).Ticker.ShouldBe("BTC/USD");
    }

    [Fact]
    public void Clock_keeps_the_eastern_offset_and_nanosecond_timestamps()
    {
        var clock = Load("clock.json", Json.AlpacaClock);
        clock.Timestamp.Offset.ShouldBe(TimeSpan.FromHours(-5));
        clock.Timestamp.UtcDateTime.ShouldBe(new DateTime(2024, 1, 2, 15, 15, 30, DateTimeKind.Utc).AddTicks(1234567));
        clock.IsOpen.ShouldBeTrue();
        clock.NextOpen.ShouldBe(new DateTimeOffset(2024, 1, 3, 9, 30, 0, TimeSpan.FromHours(-5)));
        clock.NextClose.ShouldBe(new DateTimeOffset(2024, 1, 2, 16, 0, 0, TimeSpan.FromHours(-5)));
    }

    [Fact]
    public void Calendar_reads_colon_and_compact_times_including_a_half_day()
    {
        var days = Load("calendar.json", Json.ListAlpacaCalendarDay);
        days.Count.ShouldBe(2);
        days[0].Date.ShouldBe(new DateOnly(2022, 5, 16));
        days[0].Open.ShouldBe(new TimeOnly(9, 30));
        days[0].Close.ShouldBe(new TimeOnly(16, 0));
        days[0].SessionOpen.ShouldBe(new TimeOnly(4, 0));
        days[0].SessionClose.ShouldBe(new TimeOnly(20, 0));
        days[1].Close.ShouldBe(new TimeOnly(13, 0));
        days[1].SessionClose.ShouldBe(new TimeOnly(17, 0));
        JsonSerializer.Serialize(days[0], Json.AlpacaCalendarDay)
            .ShouldBe("""{"date":"2022-05-16","open":"09:30","close":"16:00","session_open":"0400","session_close":"2000"}""");
    }

    [Fact]
    public void Asset_reads_the_class_key_and_number_or_string_decimals()
    {
        var asset = Load("asset.json", Json.AlpacaAsset);
        asset.Id.ShouldBe("276e2673-764b-4ab6-a611-caf665ca6340");
        asset.AssetClass.ShouldBe(AlpacaAssetClass.Crypto);
        asset.Exchange.ShouldBe("CRYPTO");
        asset.Symbol.ShouldBe("BTC/USD");
        asset.Name.ShouldBe("Bitcoin  / US Dollar");
        asset.Status.ShouldBe("active");
        asset.Tradable.ShouldBeTrue();
        asset.Marginable.ShouldBeFalse();
        asset.Shortable.ShouldBeFalse();
        asset.EasyToBorrow.ShouldBeFalse();
        asset.Fractionable.ShouldBeTrue();
        asset.MaintenanceMarginRequirement.ShouldBe(100m);
        asset.MinOrderSize.ShouldBe(0.0001m);
        asset.MinTradeIncrement.ShouldBe(0.000000001m);
        asset.PriceIncrement.ShouldBe(1m);
        asset.Attributes.ShouldNotBeNull().ShouldBeEmpty();
    }

    [Fact]
    public void Single_symbol_bars_page_reads_numbers_exactly_and_the_token()
    {
        var page = Load("bars_single.json", Json.AlpacaSymbolBarsPage);
        page.Symbol.ShouldBe("AAPL");
        page.NextPageToken.ShouldBe("QUFQTHxEfDIwMjItMDEtMDRUMDU6MDA6MDAuMDAwMDAwMDAwWg==");
        page.Bars!.Count.ShouldBe(2);
        var bar = page.Bars[0];
        bar.Timestamp.ShouldBe(new DateTimeOffset(2022, 1, 3, 5, 0, 0, TimeSpan.Zero));
        bar.Open.ShouldBe(177.83m);
        bar.High.ShouldBe(182.88m);
        bar.Low.ShouldBe(177.71m);
        bar.Close.ShouldBe(182.01m);
        bar.Volume.ShouldBe(104701220m);
        bar.TradeCount.ShouldBe(772691);
        bar.Vwap.ShouldBe(181.028973m);
        page.Bars[1].Close.ShouldBe(179.7m);
    }

    [Fact]
    public void Multi_symbol_bars_page_is_keyed_by_symbol_with_fractional_crypto_volume()
    {
        var page = Load("bars_multi.json", Json.AlpacaMultiBarsPage);
        page.NextPageToken.ShouldBeNull();
        page.Bars!.Keys.ShouldBe(["AAPL", "BTC/USD"], ignoreOrder: true);
        page.Bars["BTC/USD"][0].Volume.ShouldBe(0.123456789m);
        page.Bars["BTC/USD"][0].Low.ShouldBe(45000.25m);
        page.Bars["AAPL"][0].TradeCount.ShouldBe(772691);
    }

    [Fact]
    public void Stock_latest_quote_reads_prices_sizes_exchanges_conditions_and_tape()
    {
        var answer = Load("quote_latest.json", Json.AlpacaSymbolQuote);
        answer.Symbol.ShouldBe("AAPL");
        var quote = answer.Quote.ShouldNotBeNull();
        quote.Timestamp.UtcDateTime.ShouldBe(new DateTime(2024, 1, 2, 15, 0, 0, DateTimeKind.Utc).AddTicks(1234567));
        quote.AskExchange.ShouldBe("V");
        quote.AskPrice.ShouldBe(185.62m);
        quote.AskSize.ShouldBe(2m);
        quote.BidExchange.ShouldBe("V");
        quote.BidPrice.ShouldBe(185.6m);
        quote.BidSize.ShouldBe(3m);
        quote.Conditions.ShouldBe(["R"]);
        quote.Tape.ShouldBe("C");
    }

    [Fact]
    public void Crypto_latest_quotes_are_keyed_by_pair_with_fractional_sizes()
    {
        var answer = Load("crypto_quotes.json", Json.AlpacaLatestQuotes);
        var quote = answer.Quotes!["BTC/USD"];
        quote.BidPrice.ShouldBe(45123.1m);
        quote.BidSize.ShouldBe(0.91m);
        quote.AskPrice.ShouldBe(45130.5m);
        quote.AskSize.ShouldBe(1.205m);
        quote.AskExchange.ShouldBeNull();
        quote.Tape.ShouldBeNull();
    }

    [Fact]
    public void Fill_activity_reads_execution_and_cumulative_quantities()
    {
        var fill = Load("fill_activities.json", Json.ListAlpacaFillActivity).ShouldHaveSingleItem();
        fill.Id.ShouldBe("20220304095318500::8e1b5f2c-6a4d-4a4e-9f37-1b2c3d4e5f60");
        fill.ActivityType.ShouldBe("FILL");
        fill.TransactionTime.ShouldBe(new DateTimeOffset(2022, 3, 4, 14, 53, 18, 500, TimeSpan.Zero));
        fill.Type.ShouldBe("partial_fill");
        fill.Price.ShouldBe(42.1m);
        fill.Qty.ShouldBe(3m);
        fill.Side.ShouldBe(AlpacaOrderSide.Buy);
        fill.Symbol.ShouldBe("AAPL");
        fill.LeavesQty.ShouldBe(7m);
        fill.OrderId.ShouldBe("61e69015-8549-4bfd-b9c3-01e75843f47d");
        fill.CumQty.ShouldBe(3m);
        fill.OrderStatus.ShouldBe(AlpacaOrderStatus.PartiallyFilled);
    }

    [Fact]
    public void Error_body_reads_code_message_and_extras()
    {
        var error = Load("error_buying_power.json", Json.AlpacaErrorBody);
        error.Code.ShouldBe(40310000);
        error.Message.ShouldBe("insufficient buying power");
        error.BuyingPower.ShouldBe(132.45m);
    }

    [Fact]
    public void New_order_is_written_with_decimal_strings_and_without_unset_fields()
    {
        var json = JsonSerializer.Serialize(new AlpacaNewOrder
        {
            Symbol = "AAPL", Qty = 1.5m, Side = AlpacaOrderSide.Buy, Type = AlpacaOrderType.StopLimit,
            TimeInForce = AlpacaTimeInForce.Day, LimitPrice = 101.25m, StopPrice = 100m, ClientOrderId = "abc",
        }, Json.AlpacaNewOrder);
        json.ShouldBe("""{"symbol":"AAPL","qty":"1.5","side":"buy","type":"stop_limit","time_in_force":"day","limit_price":"101.25","stop_price":"100","client_order_id":"abc"}""");
    }

    [Theory]
    [InlineData("\"1.5\"", "1.5")]
    [InlineData("1.5", "1.5")]
    [InlineData("\"0.000000001\"", "0.000000001")]
    [InlineData("1e-9", "0.000000001")]
    [InlineData("null", null)]
    [InlineData("\"\"", null)]
    public void Decimals_read_from_strings_numbers_and_nulls(string wire, string? expected)
    {
        var order = JsonSerializer.Deserialize($$"""{"limit_price":{{wire}}}""", Json.AlpacaOrder)!;
        order.LimitPrice.ShouldBe(expected is null ? null : decimal.Parse(expected, System.Globalization.CultureInfo.InvariantCulture));
    }
}
