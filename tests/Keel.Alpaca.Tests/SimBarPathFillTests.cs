using Keel.Alpaca.Models;
using Keel.Core.Domain;

namespace Keel.Alpaca.Tests;

/// <summary>
/// Resting stops, limits and trailing stops at the sim are held against each bar that completes, as the
/// backtester holds them: a wick that reaches the price fills it there (or at the open when the bar opened
/// past it), dated the bar's start, even when no close ever reached it. Stock orders ignore bars outside
/// regular hours. AAPL's scripted quote is cleared, so the bars are its market.
/// </summary>
public sealed class SimBarPathFillTests : SimTestBase
{
    private static readonly DateTimeOffset Open = SimHarness.MarketOpen; // 10:00 New York

    private protected override void ConfigureSim(Keel.AlpacaSim.SimOptions options) => options.HalfSpread = 0m; // quotes at the bars' closes

    private void Bars(params (int Minute, decimal Open, decimal High, decimal Low, decimal Close)[] bars) =>
        H.Sim.Bars.Add("AAPL", Timeframe.Parse("1Min"), bars.Select(b => new AlpacaBar
        {
            Timestamp = Open.AddMinutes(b.Minute), Open = b.Open, High = b.High, Low = b.Low, Close = b.Close, Volume = 100,
        }));

    private async Task<AlpacaOrder> HoldTenThenRest(AlpacaNewOrder exit)
    {
        H.Sim.Quotes.Clear("AAPL");
        Bars((-1, 100m, 100m, 100m, 100m));
        (await Client.SubmitOrderAsync(new AlpacaNewOrder { Symbol = "AAPL", Qty = 10, Side = AlpacaOrderSide.Buy })).Status.ShouldBe(AlpacaOrderStatus.Filled);
        return await Client.SubmitOrderAsync(exit with { Qty = 10, TimeInForce = AlpacaTimeInForce.Gtc });
    }

    [Fact]
    public async Task A_stop_reached_only_by_a_bars_low_fills_at_the_stop_dated_the_bars_start()
    {
        var stop = await HoldTenThenRest(new AlpacaNewOrder { Symbol = "AAPL", Side = AlpacaOrderSide.Sell, Type = AlpacaOrderType.Stop, StopPrice = 98m });
        Bars((0, 100m, 100.5m, 99m, 100.2m), (1, 100.2m, 100.4m, 97.5m, 99.8m), (2, 99.8m, 99.9m, 97m, 97.2m));
        H.Sim.Clock.Set(Open.AddMinutes(1));
        (await Client.GetOrderAsync(stop.Id)).Status.ShouldBe(AlpacaOrderStatus.New, "the first bar stayed over the stop");
        H.Sim.Clock.Set(Open.AddMinutes(3)); // two bars completed since: the first of them reached it
        var filled = await Client.GetOrderAsync(stop.Id);
        (filled.Status, filled.FilledAvgPrice, filled.FilledAt).ShouldBe((AlpacaOrderStatus.Filled, 98m, Open.AddMinutes(1)));
    }

    [Fact]
    public async Task A_bar_that_opens_past_a_stop_fills_it_at_the_open_and_a_wick_fills_a_limit_at_its_price()
    {
        var stop = await HoldTenThenRest(new AlpacaNewOrder { Symbol = "AAPL", Side = AlpacaOrderSide.Sell, Type = AlpacaOrderType.Stop, StopPrice = 98m });
        Bars((0, 97.1m, 97.6m, 96.8m, 97.3m));
        H.Sim.Clock.Set(Open.AddMinutes(1));
        (await Client.GetOrderAsync(stop.Id)).FilledAvgPrice.ShouldBe(97.1m);

        await Client.SubmitOrderAsync(new AlpacaNewOrder { Symbol = "AAPL", Qty = 10, Side = AlpacaOrderSide.Buy });
        var limit = await Client.SubmitOrderAsync(new AlpacaNewOrder
        {
            Symbol = "AAPL", Qty = 10, Side = AlpacaOrderSide.Sell, Type = AlpacaOrderType.Limit, LimitPrice = 98.5m, TimeInForce = AlpacaTimeInForce.Gtc,
        });
        Bars((1, 97.3m, 98.7m, 97.2m, 97.9m));
        H.Sim.Clock.Set(Open.AddMinutes(2));
        var sold = await Client.GetOrderAsync(limit.Id);
        (sold.Status, sold.FilledAvgPrice).ShouldBe((AlpacaOrderStatus.Filled, 98.5m));
    }

    [Fact]
    public async Task A_trailing_stop_trails_each_bars_high_after_holding_the_bar_against_its_stop()
    {
        var trailing = await HoldTenThenRest(new AlpacaNewOrder { Symbol = "AAPL", Side = AlpacaOrderSide.Sell, Type = AlpacaOrderType.TrailingStop, TrailPercent = 1m });
        trailing.Hwm.ShouldBe(100m);
        // The first bar dips to 99.1 (over the stop of 99) and rises to 102: the stop moves to 100.98 after it.
        Bars((0, 100m, 102m, 99.1m, 101.5m), (1, 101.5m, 101.6m, 100.9m, 101.2m));
        H.Sim.Clock.Set(Open.AddMinutes(2));
        var filled = await Client.GetOrderAsync(trailing.Id);
        (filled.Status, filled.FilledAvgPrice, filled.FilledAt).ShouldBe((AlpacaOrderStatus.Filled, 100.98m, Open.AddMinutes(1)));
    }

    [Fact]
    public async Task A_stock_stop_ignores_bars_outside_regular_hours()
    {
        var stop = await HoldTenThenRest(new AlpacaNewOrder { Symbol = "AAPL", Side = AlpacaOrderSide.Sell, Type = AlpacaOrderType.Stop, StopPrice = 98m });
        Bars((360, 99m, 99m, 95m, 99m)); // 16:00: after the close
        H.Sim.Clock.Set(Open.AddMinutes(361));
        (await Client.GetOrderAsync(stop.Id)).Status.ShouldBe(AlpacaOrderStatus.New);
    }
}
