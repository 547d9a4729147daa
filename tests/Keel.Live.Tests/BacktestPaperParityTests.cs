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
/// sim: Thanksgiving week 2024 (a holiday, a 13:00 half day), 15-minute bars from 04:00 to 20:00 New York
/// (extended hours included), with a stop loss, take profit and trailing stop on every entry. Both make the
/// same decisions, send the same orders (client order ids) and end their positions by the same exits: the
/// same kind, on the same bar, at the price that bar gives each venue.
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
        var risk = PaperHarness.DefaultRisk with { StopLossPercent = 2m, TakeProfitPercent = 3m, TrailingStopPercent = 1m };
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
        expectedFills.ShouldContain(f => f.Purpose == OrderPurpose.StopLoss || f.Purpose == OrderPurpose.TakeProfit);
        // The same exits: each venue's exit is what the one exit engine (ExitRules) gives on the prices that
        // venue sees, and the two agree. The backtest sees each bar's range (an exit fills at its trigger, or
        // the open past it); the paper session sees the sim's quote after each bar (its bid reaching the
        // trigger sends a market sell, filled at that bid). So a paper exit is never before the backtest's
        // bar has completed, and is later only when no close reached the trigger within that bar.
        var expected = backtest.OrderEvents.Where(e => e.Fill is not null).Select(e => e.Fill!.Value).ToList();
        var actual = paper.Store.Fills().Select(f => f.Fill).ToList();
        // Watched by the port, priced from the paper entry's own fill.
        AssertSameExits(bars, expected, actual, risk, entry => actual[entry].Price).ShouldBeGreaterThanOrEqualTo(3);

        // No stock order outside the session the backtester would trade.
        paper.Sim.Broker.AllOrders().ShouldAllBe(o => InRegularSession(o.SubmittedAt!.Value.UtcDateTime));
    }

    /// <summary>The strategy over the week's bars through a paper session on the sim and through the backtester.</summary>
    private static async Task<(PaperHarness Paper, BacktestResult Backtest)> RunBothAsync(RiskConfig risk)
    {
        var start = TimeZoneInfo.ConvertTimeToUtc(FirstDay.ToDateTime(TimeOnly.MinValue), NyseCalendar.TimeZone);
        var end = TimeZoneInfo.ConvertTimeToUtc(LastDay.AddDays(1).ToDateTime(TimeOnly.MinValue), NyseCalendar.TimeZone);
        var paper = await PaperHarness.StartAsync(WriteBars, start, risk, s => s with
        {
            Strategies = StrategyText.ParseList("sma-crossover:fast=3,slow=8"),
            SettleTimeout = TimeSpan.Zero, // one poll round a bar: the exits stay working between bars
        });
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
        var risk = PaperHarness.DefaultRisk with { StopLossPercent = 2m, TakeProfitPercent = 3m };
        var (paper, backtest) = await RunBothAsync(risk);
        await using var _ = paper;
        var expected = backtest.OrderEvents.Where(e => e.Fill is not null).Select(e => e.Fill!.Value).ToList();
        var actual = paper.Store.Fills().Select(f => f.Fill).ToList();
        // The same orders; a bracket's legs are named by Alpaca (a client cannot choose their ids), so those
        // are matched by what they are, the entry's stop loss or take profit.
        static (string, OrderPurpose) Named(Fill f) => (f.Purpose is OrderPurpose.StopLoss or OrderPurpose.TakeProfit ? "bracket leg" : f.ClientOrderId, f.Purpose);
        actual.Select(Named).ShouldBe(expected.Select(Named));
        paper.Sim.Broker.AllOrders().ShouldContain(o => o.OrderClass == Keel.Alpaca.Models.AlpacaOrderClass.Bracket);
        AssertSameExits(paper.Bars[0].Span.ToArray(), expected, actual, risk, entry => actual[entry].Price).ShouldBeGreaterThanOrEqualTo(1);
    }

    /// <summary>
    /// Each exit after an entry: the backtest's as the exit engine gives it on the bars, the paper session's as
    /// the exit engine gives it on the sim's bids from <paramref name="paperBase"/> (the price its exits are
    /// priced from), the same kind in both, and never earlier in paper than the backtest's bar. Returns how many.
    /// </summary>
    private static int AssertSameExits(Bar[] bars, List<Fill> expected, List<Fill> actual, RiskConfig risk, Func<int, decimal> paperBase)
    {
        var exits = 0;
        for (var i = 0; i + 1 < expected.Count; i++)
        {
            if (expected[i].Purpose != OrderPurpose.Entry || expected[i + 1].Purpose is OrderPurpose.Entry or OrderPurpose.Exit) continue;
            var (ours, theirs) = (expected[i + 1], actual[i + 1]);
            (ours.Purpose, ours.Time, ours.Price).ShouldBe(ReplayOnBars(bars, expected[i], risk), ours.ClientOrderId);
            (theirs.Purpose, theirs.Time, theirs.Price).ShouldBe(ReplayOnQuotes(bars, actual[i].Time, paperBase(i), risk), theirs.ClientOrderId);
            theirs.Purpose.ShouldBe(ours.Purpose);
            theirs.Time.ShouldBeGreaterThanOrEqualTo(ours.Time + Frame.Duration, ours.ClientOrderId);
            exits++;
        }
        return exits;
    }

    /// <summary>
    /// The exit the backtest should make after <paramref name="entry"/> (filled at a bar's close): from the
    /// next bar on, its stop loss, take profit and trailing stop against each bar's low–high, stops first,
    /// the trailing stop's high moved by each bar after it was checked; the fill at the trigger or the open.
    /// </summary>
    private static (OrderPurpose, DateTime, decimal) ReplayOnBars(Bar[] bars, Fill entry, RiskConfig risk)
    {
        var highWater = entry.Price;
        foreach (var bar in bars.Where(b => b.Timestamp > entry.Time))
        {
            var (open, high, low) = ((decimal)bar.Open, (decimal)bar.High, (decimal)bar.Low);
            var exits = Exits(entry.Price, highWater, risk, round: false)
                .Where(x => ExitRules.Reaches(x.Type, OrderSide.Sell, x.Trigger, high, low))
                .OrderBy(x => ExitRules.Rank(x.Type)).ToList();
            if (exits.Count > 0) return (exits[0].Purpose, bar.Timestamp, ExitRules.FillPrice(exits[0].Type, OrderSide.Sell, exits[0].Trigger, open));
            highWater = Math.Max(highWater, high);
        }
        throw new InvalidOperationException($"no exit after {entry.ClientOrderId}");
    }

    /// <summary>
    /// The exit the paper session should make after an entry filled at <paramref name="entryTime"/>, its exits
    /// priced from <paramref name="basePrice"/> (on whole cents): the port's watched exits or the sim's bracket
    /// legs against the sim's bid after each bar, the trailing stop's high moved by the bid first; once one
    /// is reached it sells at that bid when the bar has completed.
    /// </summary>
    private static (OrderPurpose, DateTime, decimal) ReplayOnQuotes(Bar[] bars, DateTime entryTime, decimal basePrice, RiskConfig risk)
    {
        var highWater = basePrice;
        foreach (var bar in bars.Where(b => b.Timestamp >= entryTime))
        {
            var bid = SimQuote(bar.Close, OrderSide.Sell);
            highWater = Math.Max(highWater, bid);
            var exits = Exits(basePrice, highWater, risk, round: true)
                .Where(x => ExitRules.Reaches(x.Type, OrderSide.Sell, x.Trigger, bid, bid))
                .OrderBy(x => ExitRules.Rank(x.Type)).ToList();
            if (exits.Count > 0) return (exits[0].Purpose, bar.Timestamp + Frame.Duration, bid);
        }
        throw new InvalidOperationException($"no exit after the entry at {entryTime:O}");
    }

    /// <summary>The exits an entry asks for, by the exit engine's rules; the port keeps stock prices on whole cents (the trailing stop's is never sent).</summary>
    private static IEnumerable<(OrderPurpose Purpose, OrderType Type, decimal Trigger)> Exits(decimal entry, decimal highWater, RiskConfig risk, bool round)
    {
        decimal Cents(decimal price) => round ? Math.Round(price, 2, MidpointRounding.AwayFromZero) : price;
        if (risk.StopLossPercent is { } sl) yield return (OrderPurpose.StopLoss, OrderType.Stop, Cents(ExitRules.StopLossPrice(entry, sl)));
        if (risk.TakeProfitPercent is { } tp) yield return (OrderPurpose.TakeProfit, OrderType.Limit, Cents(ExitRules.TakeProfitPrice(entry, tp)));
        if (risk.TrailingStopPercent is { } trail) yield return (OrderPurpose.TrailingStop, OrderType.Stop, ExitRules.TrailingStopPrice(highWater, trail));
    }

    /// <summary>The sim's quote from a bar's close: half the default spread (0.05%) either side, on whole cents.</summary>
    private static decimal SimQuote(double close, OrderSide side) => side == OrderSide.Sell
        ? Math.Round((decimal)close * (1 - 0.0005m), 2, MidpointRounding.ToZero)
        : Math.Round((decimal)close * (1 + 0.0005m), 2, MidpointRounding.AwayFromZero);

    private static bool InRegularSession(DateTime utc) =>
        NyseCalendar.SessionFor(NyseCalendar.DateOf(utc)) is { } s && utc >= s.OpenUtc && utc <= s.CloseUtc;

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
                list.Add(new Bar(t, open, Math.Max(open, price), Math.Min(open, price), price, 1000));
            }
        }
        var series = new BarSeries(Stock, Frame, list.ToArray());
        var path = Path.Combine(folder, Frame.ToString(), Stock.FileSafeName + ".csv");
        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        BarCsvWriter.Write(path, series);
        return [series];
    }
}
