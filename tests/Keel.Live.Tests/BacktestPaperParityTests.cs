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
        var start = TimeZoneInfo.ConvertTimeToUtc(FirstDay.ToDateTime(TimeOnly.MinValue), NyseCalendar.TimeZone);
        var end = TimeZoneInfo.ConvertTimeToUtc(LastDay.AddDays(1).ToDateTime(TimeOnly.MinValue), NyseCalendar.TimeZone);
        await using var paper = await PaperHarness.StartAsync(WriteBars, start, risk, s => s with
        {
            Strategies = StrategyText.ParseList("sma-crossover:fast=3,slow=8"),
            SettleTimeout = TimeSpan.Zero, // one poll round a bar: the watched exits stay working between bars
        });
        await paper.RunUntilAsync(end);

        var backtest = Backtester.Run(new BacktestSettings
        {
            StartingCash = 100_000m,
            FillModel = FillModel.Close,
            Risk = risk,
            CloseAtEnd = false,
            RegularHoursOnly = true,
        }, paper.Bars, paper.Settings.Strategies);

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
        var exits = 0;
        for (var i = 0; i + 1 < expected.Count; i++)
        {
            if (expected[i].Purpose != OrderPurpose.Entry || expected[i + 1].Purpose is OrderPurpose.Entry or OrderPurpose.Exit) continue;
            var (ours, theirs) = (expected[i + 1], actual[i + 1]);
            var backtestExit = ReplayOnBars(bars, expected[i], risk);
            (ours.Purpose, ours.Time, ours.Price).ShouldBe(backtestExit, ours.ClientOrderId);
            var paperExit = ReplayOnQuotes(bars, actual[i], risk);
            (theirs.Purpose, theirs.Time, theirs.Price).ShouldBe(paperExit, theirs.ClientOrderId);
            theirs.Purpose.ShouldBe(ours.Purpose);
            theirs.Time.ShouldBeGreaterThanOrEqualTo(ours.Time + Frame.Duration, ours.ClientOrderId);
            exits++;
        }
        exits.ShouldBeGreaterThanOrEqualTo(3);

        // No stock order outside the session the backtester would trade.
        paper.Sim.Broker.AllOrders().ShouldAllBe(o => InRegularSession(o.SubmittedAt!.Value.UtcDateTime));
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
    /// The exit the paper session should make after <paramref name="entry"/>: the port watches its exits
    /// (on whole cents) against the sim's bid after each bar, the trailing stop's high moved by the bid
    /// first; once one is reached it sells at market, filled at that bid when the bar has completed.
    /// </summary>
    private static (OrderPurpose, DateTime, decimal) ReplayOnQuotes(Bar[] bars, Fill entry, RiskConfig risk)
    {
        var highWater = entry.Price;
        foreach (var bar in bars.Where(b => b.Timestamp >= entry.Time))
        {
            var bid = SimQuote(bar.Close, OrderSide.Sell);
            highWater = Math.Max(highWater, bid);
            var exits = Exits(entry.Price, highWater, risk, round: true)
                .Where(x => ExitRules.Reaches(x.Type, OrderSide.Sell, x.Trigger, bid, bid))
                .OrderBy(x => ExitRules.Rank(x.Type)).ToList();
            if (exits.Count > 0) return (exits[0].Purpose, bar.Timestamp + Frame.Duration, bid);
        }
        throw new InvalidOperationException($"no exit after {entry.ClientOrderId}");
    }

    /// <summary>An entry's three exits by the exit engine's rules; the port keeps stock prices on whole cents (the trailing stop's is never sent).</summary>
    private static IEnumerable<(OrderPurpose Purpose, OrderType Type, decimal Trigger)> Exits(decimal entry, decimal highWater, RiskConfig risk, bool round)
    {
        decimal Cents(decimal price) => round ? Math.Round(price, 2, MidpointRounding.AwayFromZero) : price;
        yield return (OrderPurpose.StopLoss, OrderType.Stop, Cents(ExitRules.StopLossPrice(entry, risk.StopLossPercent!.Value)));
        yield return (OrderPurpose.TakeProfit, OrderType.Limit, Cents(ExitRules.TakeProfitPrice(entry, risk.TakeProfitPercent!.Value)));
        yield return (OrderPurpose.TrailingStop, OrderType.Stop, ExitRules.TrailingStopPrice(highWater, risk.TrailingStopPercent!.Value));
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
