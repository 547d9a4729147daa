using Keel.Alpaca;
using Keel.Alpaca.Models;
using Keel.Core.Backtest;
using Keel.Core.Trading;

namespace Keel.Live.Tests;

/// <summary>A paper session replaying three days of 15-minute bars of SPY, AAPL and BTC/USD with two strategies.</summary>
public sealed class PaperSessionTests
{
    [Fact]
    public async Task Three_days_of_paper_trading_leave_store_and_broker_in_agreement()
    {
        await using var paper = await PaperHarness.StartAsync(days: 3);
        await paper.RunUntilAsync(PaperData.Start.AddDays(3));
        StoreAndBrokerAgree(paper);
    }

    [PostgresFact]
    public async Task Three_days_of_paper_trading_on_PostgreSQL_leave_store_and_broker_in_agreement()
    {
        var schema = PostgresTestServer.NewSchemaName();
        var connectionString = PostgresTestServer.CreateSchema(schema);
        try
        {
            await using var paper = await PaperHarness.StartAsync(days: 3, configure: s => s with { PostgresConnectionString = connectionString });
            paper.Store.ShouldBeOfType<Keel.Storage.PostgresTradingStore>();
            await paper.RunUntilAsync(PaperData.Start.AddDays(3));
            StoreAndBrokerAgree(paper);
            // A restarted service reads the same session back from PostgreSQL.
            var fills = paper.Store.Fills().Count;
            await paper.RestartAsync();
            paper.Store.Fills().Count.ShouldBe(fills);
        }
        finally
        {
            PostgresTestServer.DropSchema(schema);
        }
    }

    private static void StoreAndBrokerAgree(PaperHarness paper)
    {
        var brokerOrders = paper.Sim.Broker.AllOrders();
        brokerOrders.Count.ShouldBeGreaterThan(10, "the strategies should trade on this data");
        brokerOrders.Select(o => o.ClientOrderId).Distinct().Count().ShouldBe(brokerOrders.Count);
        brokerOrders.ShouldAllBe(o => o.Status == AlpacaOrderStatus.Filled);
        brokerOrders.Select(o => o.Symbol).Distinct().Count().ShouldBe(3, "every symbol traded");

        // Every broker fill is in the store once, with the broker's quantity and price.
        var fills = paper.Store.Fills().Select(f => f.Fill).ToList();
        fills.Count.ShouldBe(brokerOrders.Count);
        foreach (var order in brokerOrders)
        {
            var fill = fills.Single(f => f.ClientOrderId == order.ClientOrderId);
            (order.Side == AlpacaOrderSide.Buy && order.AssetClass == AlpacaAssetClass.Crypto ? fill.Quantity + fill.Commission / fill.Price : fill.Quantity)
                .ShouldBe(order.FilledQty);
            fill.Price.ShouldBe(order.FilledAvgPrice!.Value);
        }

        // Positions per symbol (all strategies together) equal the broker's.
        var stored = paper.Store.Positions();
        foreach (var symbol in PaperData.Symbols)
        {
            var broker = paper.Sim.Broker.Positions().Where(p => AlpacaSymbols.ToPositionKey(p.Symbol) == AlpacaSymbols.ToPositionKey(symbol)).Sum(p => p.Qty);
            stored.Where(p => p.Symbol == symbol).Sum(p => p.Quantity).ShouldBe(broker, symbol.Ticker);
        }
        paper.Store.OpenOrders().ShouldBeEmpty();
        paper.Store.Trades().Count.ShouldBeGreaterThan(3);
        paper.Store.LastHeartbeat()!.BrokerTime.ShouldBe(PaperData.Start.AddDays(3));

        // No stock order went out when the market could not take it.
        foreach (var order in brokerOrders.Where(o => o.AssetClass == AlpacaAssetClass.UsEquity))
        {
            var local = TimeZoneInfo.ConvertTime(order.SubmittedAt!.Value, Core.Calendars.NyseCalendar.TimeZone);
            local.TimeOfDay.ShouldBeGreaterThanOrEqualTo(new TimeSpan(9, 30, 0));
            local.TimeOfDay.ShouldBeLessThan(new TimeSpan(16, 0, 0));
        }
    }

    [Fact]
    public async Task Paper_and_backtest_of_the_same_config_make_the_same_trades()
    {
        await using var paper = await PaperHarness.StartAsync(days: 3);
        await paper.RunUntilAsync(PaperData.Start.AddDays(3));

        var backtest = Backtester.Run(new BacktestSettings
        {
            StartingCash = 100_000m,
            FillModel = FillModel.Close,
            Risk = paper.Settings.Risk,
            CloseAtEnd = false,
            RegularHoursOnly = true,
        }, paper.Bars, paper.Settings.Strategies);

        var expected = backtest.OrderEvents.Where(e => e.Fill is not null).Select(e => e.Fill!.Value).ToDictionary(f => f.ClientOrderId);
        var actual = paper.Store.Fills().Select(f => f.Fill).ToDictionary(f => f.ClientOrderId);
        expected.Count.ShouldBeGreaterThan(10);
        actual.Keys.Order().ShouldBe(expected.Keys.Order(), "the same decisions (strategy, symbol, bar time, purpose) in both");
        foreach (var (id, want) in expected)
        {
            var got = actual[id];
            got.Side.ShouldBe(want.Side, id);
            // A crypto buy receives the ordered coin less Alpaca's fee (0.25%, back as the commission), and the
            // exit sells what was received; the frictionless backtest buys and sells the whole quantity.
            var ordered = got.Symbol.IsCrypto && got.Side == OrderSide.Buy ? got.Quantity + got.Commission / got.Price : got.Quantity;
            ordered.ShouldBe(got.Symbol.IsCrypto && got.Side == OrderSide.Sell ? want.Quantity - Math.Round(want.Quantity * 0.0025m, 9) : want.Quantity, id);
            // The backtest fills at the bar's close; the sim at its ask or bid around that close.
            Math.Abs(got.Price - want.Price).ShouldBeLessThanOrEqualTo(want.Price * 0.0005m + 0.01m, id);
            (got.Time - want.Time).ShouldBe(PaperData.Frame.Duration, id); // paper fills when the bar has closed
        }
    }

    [Fact]
    public async Task Bars_missed_while_down_feed_the_strategies_but_only_the_newest_is_traded()
    {
        await using var paper = await PaperHarness.StartAsync(days: 2);
        await paper.RunUntilAsync(new DateTime(2024, 12, 16, 15, 0, 0, DateTimeKind.Utc));
        var before = paper.Sim.Broker.AllOrders().Count;

        // Down for a day: the next cycle sees every bar since, in one go.
        var back = new DateTime(2024, 12, 17, 19, 0, 0, DateTimeKind.Utc);
        var processed = await paper.StepToAsync(back);
        processed.ShouldBeGreaterThan(100);

        var newestBar = back - PaperData.Frame.Duration;
        var stamp = newestBar.ToString("yyMMddHHmmss", System.Globalization.CultureInfo.InvariantCulture);
        paper.Sim.Broker.AllOrders().Skip(before).ShouldAllBe(o => o.ClientOrderId.Contains(stamp));
        paper.Store.Cursor(PaperData.Symbols[0])!.LastBar.ShouldBe(newestBar);

        // The strategies saw the missed bars: from here on the session decides exactly like one that never stopped.
        await paper.RunUntilAsync(PaperData.Start.AddDays(2));
        await using var uninterrupted = await PaperHarness.StartAsync(days: 2);
        await uninterrupted.RunUntilAsync(PaperData.Start.AddDays(2));
        var after = (DateTime t) => t > back;
        paper.Store.Decisions().Where(d => after(d.Time)).Select(d => (d.Time, d.Strategy, d.Symbol, d.Signal.Action))
            .ShouldBe(uninterrupted.Store.Decisions().Where(d => after(d.Time)).Select(d => (d.Time, d.Strategy, d.Symbol, d.Signal.Action)));
    }
}
