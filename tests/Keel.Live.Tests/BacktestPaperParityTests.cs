using Keel.Core.Backtest;
using Keel.Core.Calendars;
using Keel.Core.Domain;
using Keel.Core.Risk;
using Keel.Core.Strategies;
using Keel.Core.Trading;
using Keel.Data.Csv;

namespace Keel.Live.Tests;

/// <summary>
/// The same strategy over the same intraday bars through the backtester and through a paper session on the
/// sim (without spread, so both trade at the bars' prices): Thanksgiving week 2024 (a holiday, a 13:00 half
/// day), 15-minute bars from 04:00 to 20:00 New York (extended hours included), with wicks in the regular
/// session so that exits are reached inside bars. Each exit route is run: a native trailing stop and an
/// Alpaca bracket (held by the sim's order engine) and crypto exits the port watches. Both make the same
/// decisions, send the same orders (client order ids) and end their positions by the same exits: the same
/// kind, on the same bar, at the price that bar gives each venue.
/// </summary>
public sealed class BacktestPaperParityTests
{
    private static readonly Symbol Stock = Symbol.Parse("AAPL");
    private static readonly Timeframe Frame = Timeframe.Parse("15Min");
    private static readonly DateOnly FirstDay = new(2024, 11, 25);
    private static readonly DateOnly LastDay = new(2024, 12, 3);

    [Fact]
    public async Task Backtest_and_paper_session_agree_on_decisions_orders_and_exits()
    {
        // A trailing stop alone: Alpaca holds it (a native trailing_stop order, sent when the entry has filled).
        var risk = PaperHarness.DefaultRisk with { TrailingStopPercent = 1m };
        var (paper, backtest) = await RunBothAsync(risk);
        await using var _ = paper;

        // The data holds what the issue asks: extended-hours bars, no bar on the holiday, a half day.
        var bars = paper.Bars[0].Span.ToArray();
        bars.Any(b => b.Timestamp < NyseCalendar.SessionFor(NyseCalendar.DateOf(b.Timestamp))!.Value.OpenUtc).ShouldBeTrue("pre-market bars");
        bars.ShouldNotContain(b => NyseCalendar.DateOf(b.Timestamp) == new DateOnly(2024, 11, 28));

        // The same decisions, bar for bar (extended-hours bars decided on in both, their orders held back in both).
        var expectedDecisions = backtest.Decisions.Select(d => (d.Time, d.Strategy, d.Signal.Action, d.Outcome)).ToList();
        var paperDecisions = paper.Store.Decisions().Select(d => (d.Time, d.Strategy, d.Signal.Action, d.Outcome)).ToList();
        expectedDecisions.Count.ShouldBeGreaterThan(3);
        paperDecisions.ShouldBe(expectedDecisions);
        expectedDecisions.ShouldContain(d => d.Outcome.StartsWith("not sent: outside regular hours", StringComparison.Ordinal));

        // The same orders and the same exits: every fill's client order id and purpose.
        var expectedFills = backtest.OrderEvents.Where(e => e.Fill is not null).Select(e => (e.Fill!.Value.ClientOrderId, e.Fill.Value.Purpose)).ToList();
        var paperFills = paper.Store.Fills().Select(f => (f.Fill.ClientOrderId, f.Fill.Purpose)).ToList();
        paperFills.ShouldBe(expectedFills);
        // Both exit kinds, one of them on the half day (a paper exit at 11:15, after a Thanksgiving with no bars).
        paper.Store.Fills().ShouldContain(f => f.Fill.Purpose == OrderPurpose.TrailingStop && NyseCalendar.DateOf(f.Fill.Time) == new DateOnly(2024, 11, 29));
        expectedFills.ShouldContain(f => f.Purpose == OrderPurpose.TrailingStop);
        // The same exits, on the same bar: the one exit engine (ExitRules) on each bar's range in both.
        var expected = backtest.OrderEvents.Where(e => e.Fill is not null).Select(e => e.Fill!.Value).ToList();
        var actual = paper.Store.Fills().Select(f => f.Fill).ToList();
        AssertSameExits(bars, expected, actual, risk, heldBySim: true).ShouldBeGreaterThanOrEqualTo(3);

        // No stock order outside the session the backtester would trade.
        paper.Sim.Broker.AllOrders().ShouldAllBe(o => InRegularSession(o.SubmittedAt!.Value.UtcDateTime));
    }

    /// <summary>The strategy over the week's bars through a paper session on the sim and through the backtester.</summary>
    private static Task<(PaperHarness Paper, BacktestResult Backtest)> RunBothAsync(RiskConfig risk) => RunBothAsync(risk, WriteBars);

    private static async Task<(PaperHarness Paper, BacktestResult Backtest)> RunBothAsync(RiskConfig risk, Func<string, IReadOnlyList<BarSeries>> writeBars)
    {
        var start = TimeZoneInfo.ConvertTimeToUtc(FirstDay.ToDateTime(TimeOnly.MinValue), NyseCalendar.TimeZone);
        var end = TimeZoneInfo.ConvertTimeToUtc(LastDay.AddDays(1).ToDateTime(TimeOnly.MinValue), NyseCalendar.TimeZone);
        // No spread at the sim: both venues trade at the bar's prices, so what differs is only how each works its exits.
        var paper = await PaperHarness.StartAsync(writeBars, start, risk, s => s with
        {
            Strategies = StrategyText.ParseList("sma-crossover:fast=3,slow=8"),
            SettleTimeout = TimeSpan.Zero, // one poll round a bar: the exits stay working between bars
        }, halfSpread: 0m);
        try
        {
            await paper.RunUntilAsync(end);
        }
        catch
        {
            await paper.DisposeAsync();
            throw;
        }
        var backtest = Backtester.Run(new BacktestSettings
        {
            StartingCash = 100_000m,
            FillModel = FillModel.Close,
            Risk = risk,
            CloseAtEnd = false,
            RegularHoursOnly = true,
        }, paper.Bars, paper.Settings.Strategies);
        return (paper, backtest);
    }

    [Fact]
    public async Task An_alpaca_bracket_worked_by_the_sims_order_engine_exits_as_in_the_backtest()
    {
        // Stop loss and take profit only: the entry goes to the sim as a bracket order, priced from the quote
        // it was sized at (the ask it then fills at), and its legs are the sim's stop and limit orders.
        var risk = PaperHarness.DefaultRisk with { StopLossPercent = 0.5m, TakeProfitPercent = 1.5m };
        var (paper, backtest) = await RunBothAsync(risk);
        await using var _ = paper;
        var expected = backtest.OrderEvents.Where(e => e.Fill is not null).Select(e => e.Fill!.Value).ToList();
        var actual = paper.Store.Fills().Select(f => f.Fill).ToList();
        // The same orders under the same ids: Alpaca names a bracket's legs itself, and the port records each
        // under the id the backtest gives that exit (the entry's id ending in S or T).
        actual.Select(f => (f.ClientOrderId, f.Purpose)).ShouldBe(expected.Select(f => (f.ClientOrderId, f.Purpose)));
        expected.ShouldContain(f => f.Purpose == OrderPurpose.StopLoss);
        expected.ShouldContain(f => f.Purpose == OrderPurpose.TakeProfit);
        paper.Sim.Broker.AllOrders().ShouldContain(o => o.OrderClass == Keel.Alpaca.Models.AlpacaOrderClass.Bracket);
        AssertSameExits(paper.Bars[0].Span.ToArray(), expected, actual, risk, heldBySim: true).ShouldBeGreaterThanOrEqualTo(1);
    }

    [Fact]
    public async Task Exits_the_port_watches_itself_are_held_against_each_bar_as_in_the_backtest()
    {
        // Crypto: Alpaca holds no brackets or stops for it, so the port watches all three exits itself, against
        // each completed bar's range (and the bid between bars), and sells at market once one is reached.
        var risk = PaperHarness.DefaultRisk with { StopLossPercent = 2m, TakeProfitPercent = 3m, TrailingStopPercent = 1m };
        var (paper, backtest) = await RunBothAsync(risk, WriteCryptoBars);
        await using var _ = paper;
        backtest.Decisions.Select(d => (d.Time, d.Signal.Action, d.Outcome))
            .ShouldBe(paper.Store.Decisions().Select(d => (d.Time, d.Signal.Action, d.Outcome)));
        var expected = backtest.OrderEvents.Where(e => e.Fill is not null).Select(e => e.Fill!.Value).ToList();
        var actual = paper.Store.Fills().Select(f => f.Fill).ToList();
        actual.Select(f => (f.ClientOrderId, f.Purpose)).ShouldBe(expected.Select(f => (f.ClientOrderId, f.Purpose)));
        AssertSameExits(paper.Bars[0].Span.ToArray(), expected, actual, risk, heldBySim: false).ShouldBeGreaterThanOrEqualTo(3);
        expected.Select(f => f.Purpose).Distinct().Count().ShouldBeGreaterThanOrEqualTo(3, "entries and at least two kinds of exit");
    }

    /// <summary>
    /// Each exit after an entry is the same in both: the kind and bar the exit engine gives on the bars, the
    /// backtest filling at the exact trigger (or the open past it). In paper, an exit the sim holds (a bracket
    /// leg) fills on that bar too, at its trigger put on the cent grid (or the open); an exit the port watches
    /// is sold when the bar has completed, at its close (the sim's bid without spread), or at that bar's start
    /// when the bar opened past it (the bid before it was already there). Returns how many exits.
    /// </summary>
    private static int AssertSameExits(Bar[] bars, List<Fill> expected, List<Fill> actual, RiskConfig risk, bool heldBySim)
    {
        var exits = 0;
        for (var i = 0; i + 1 < expected.Count; i++)
        {
            if (expected[i].Purpose != OrderPurpose.Entry || expected[i + 1].Purpose is OrderPurpose.Entry or OrderPurpose.Exit) continue;
            var (ours, theirs) = (expected[i + 1], actual[i + 1]);
            actual[i].Price.ShouldBe(expected[i].Price, "entries fill at the same price");
            var (purpose, type, trigger, bar) = ReplayOnBars(bars, expected[i], risk);
            var open = (decimal)bar.Open;
            (ours.Purpose, ours.Time, ours.Price).ShouldBe((purpose, bar.Timestamp, ExitRules.FillPrice(type, OrderSide.Sell, trigger, open)), ours.ClientOrderId);
            var gapped = ours.Price == open;
            var paperExit = heldBySim
                ? (purpose, bar.Timestamp, ExitRules.FillPrice(type, OrderSide.Sell, OnCents(type, trigger, purpose), open))
                : gapped ? (purpose, bar.Timestamp, open) : (purpose, bar.Timestamp + Frame.Duration, (decimal)bar.Close);
            (theirs.Purpose, theirs.Time, theirs.Price).ShouldBe(paperExit, theirs.ClientOrderId);
            exits++;
        }
        return exits;
    }

    /// <summary>The price the port sends a stop loss or take profit at (the trailing stop's is never sent).</summary>
    private static decimal OnCents(OrderType type, decimal trigger, OrderPurpose purpose) =>
        purpose == OrderPurpose.TrailingStop ? trigger : ExitRules.OnGrid(type, OrderSide.Sell, trigger, 0.01m);

    /// <summary>
    /// The exit the backtest should make after <paramref name="entry"/> (filled at a bar's close): from the
    /// next bar on, its stop loss, take profit and trailing stop against each bar's low–high, stops first,
    /// the trailing stop's high moved by each bar after it was checked. Returns the exit, its trigger and bar.
    /// </summary>
    private static (OrderPurpose, OrderType, decimal, Bar) ReplayOnBars(Bar[] bars, Fill entry, RiskConfig risk)
    {
        var highWater = entry.Price;
        foreach (var bar in bars.Where(b => b.Timestamp > entry.Time))
        {
            var exits = Exits(entry.Price, highWater, risk)
                .Where(x => ExitRules.Reaches(x.Type, OrderSide.Sell, x.Trigger, (decimal)bar.High, (decimal)bar.Low))
                .OrderBy(x => ExitRules.Rank(x.Type)).ToList();
            if (exits.Count > 0) return (exits[0].Purpose, exits[0].Type, exits[0].Trigger, bar);
            highWater = Math.Max(highWater, (decimal)bar.High);
        }
        throw new InvalidOperationException($"no exit after {entry.ClientOrderId}");
    }

    /// <summary>The exits an entry asks for, by the exit engine's rules.</summary>
    private static IEnumerable<(OrderPurpose Purpose, OrderType Type, decimal Trigger)> Exits(decimal entry, decimal highWater, RiskConfig risk)
    {
        if (risk.StopLossPercent is { } sl) yield return (OrderPurpose.StopLoss, OrderType.Stop, ExitRules.StopLossPrice(entry, sl));
        if (risk.TakeProfitPercent is { } tp) yield return (OrderPurpose.TakeProfit, OrderType.Limit, ExitRules.TakeProfitPrice(entry, tp));
        if (risk.TrailingStopPercent is { } trail) yield return (OrderPurpose.TrailingStop, OrderType.Stop, ExitRules.TrailingStopPrice(highWater, trail));
    }

    private static bool InRegularSession(DateTime utc) =>
        NyseCalendar.SessionFor(NyseCalendar.DateOf(utc)) is { } s && utc >= s.OpenUtc && utc <= s.CloseUtc;

    /// <summary>BTC/USD around the clock, 15-minute bars with wicks, over the same days.</summary>
    private static IReadOnlyList<BarSeries> WriteCryptoBars(string folder)
    {
        var symbol = Symbol.Parse("BTC/USD");
        var start = TimeZoneInfo.ConvertTimeToUtc(FirstDay.ToDateTime(TimeOnly.MinValue), NyseCalendar.TimeZone);
        var list = new List<Bar>();
        var price = 60_000.0;
        for (var (t, step) = (start, 0); step < 4 * 24 * 4; t = t.Add(Frame.Duration), step++)
        {
            var open = price;
            price = Math.Round(price * (1 + 0.006 * Math.Sin(step / 3.0) + 0.001 * Math.Cos(step / 1.7)), 2);
            list.Add(WithWicks(t, open, price, step, volume: 5));
        }
        return Write(folder, new BarSeries(symbol, Frame, list.ToArray()));
    }

    /// <summary>A bar from <paramref name="open"/> to <paramref name="close"/> with wicks up to 0.4% beyond both, on whole cents.</summary>
    private static Bar WithWicks(DateTime time, double open, double close, int step, double volume)
    {
        var wick = Math.Round(close * 0.004 * Math.Abs(Math.Sin(step * 1.3)), 2);
        var tail = Math.Round(close * 0.004 * Math.Abs(Math.Cos(step * 0.9)), 2);
        return new Bar(time, open, Math.Round(Math.Max(open, close) + wick, 2), Math.Round(Math.Min(open, close) - tail, 2), close, volume);
    }

    /// <summary>Writes the series where the sim reads its bars: a folder per timeframe, a file per symbol.</summary>
    private static IReadOnlyList<BarSeries> Write(string folder, BarSeries series)
    {
        var path = Path.Combine(folder, Frame.ToString(), series.Symbol.FileSafeName + ".csv");
        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        BarCsvWriter.Write(path, series);
        return [series];
    }

    /// <summary>
    /// 04:00–20:00 New York on trading days (to 17:00 on the half day); quiet drifting prices outside the
    /// regular session, swings within it so the averages cross and the exits are reached.
    /// </summary>
    private static IReadOnlyList<BarSeries> WriteBars(string folder)
    {
        var list = new List<Bar>();
        var price = 100.0;
        var step = 0;
        foreach (var day in NyseCalendar.TradingDays(FirstDay, LastDay))
        {
            var session = NyseCalendar.SessionFor(day)!.Value;
            var midnight = TimeZoneInfo.ConvertTimeToUtc(day.ToDateTime(TimeOnly.MinValue), NyseCalendar.TimeZone);
            var last = midnight.AddHours(session.IsEarlyClose ? 17 : 20);
            for (var t = midnight.AddHours(4); t < last; t = t.Add(Frame.Duration), step++)
            {
                var regular = t >= session.OpenUtc && t < session.CloseUtc;
                var open = price;
                price = regular ? price * (1 + 0.006 * Math.Sin(step / 3.0) + 0.001 * Math.Cos(step / 1.7)) : price * (1 + 0.0002 * Math.Sin(step / 5.0));
                price = Math.Round(price, 2);
                // Regular-session bars have wicks, so that exits are reached inside bars whose open and close do not reach them.
                list.Add(regular ? WithWicks(t, open, price, step, volume: 1000) : new Bar(t, open, Math.Max(open, price), Math.Min(open, price), price, 1000));
            }
        }
        return Write(folder, new BarSeries(Stock, Frame, list.ToArray()));
    }
}
