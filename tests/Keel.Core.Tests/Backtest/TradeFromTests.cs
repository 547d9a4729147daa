using Keel.Core.Backtest;
using Keel.Core.Domain;
using Keel.Core.Strategies;

namespace Keel.Core.Tests.Backtest;

/// <summary><see cref="BacktestSettings.TradeFrom"/>: earlier bars warm strategies up; trading and statistics start at it.</summary>
public class TradeFromTests
{
    private sealed class Recorder : IStrategy
    {
        public List<DateTime> Seen { get; } = [];
        public string Name => "recorder";
        public int WarmUpBars => 0;
        public Signal OnBar(in Bar bar, StrategyContext context)
        {
            Seen.Add(bar.Timestamp);
            // Buys on the first bar it sees: inside the warm-up, so it must not trade then; then again on bar 3.
            return Seen.Count is 1 or 4 ? Signal.Buy(1, "buy") : Signal.Hold;
        }
        public void Reset() => Seen.Clear();
    }

    [Fact]
    public void Bars_before_the_start_are_seen_by_strategies_but_not_traded_or_counted()
    {
        var data = Bars.Daily("SPY", Bars.At(100), Bars.At(101), Bars.At(102), Bars.At(103), Bars.At(104), Bars.At(105));
        var recorder = new Recorder();
        var from = Bars.Day0.AddDays(3);
        var result = Backtester.Run(new BacktestSettings { TradeFrom = from }, [data], [() => recorder]);

        recorder.Seen.Count.ShouldBe(6);
        result.Bars.ShouldBe(3);
        result.WarmUpBars.ShouldBe(3);
        result.EquityCurve.First().Time.ShouldBe(from);
        var entry = result.OrderEvents.First();
        entry.Time.ShouldBe(from); // decided on the first bar traded, not on the warm-up buy
        result.Trades.Single().EntryTime.ShouldBe(Bars.Day0.AddDays(4));
    }

    [Fact]
    public void Without_a_start_every_bar_is_traded()
    {
        var data = Bars.Daily("SPY", Bars.At(100), Bars.At(101), Bars.At(102));
        var result = Backtester.Run(new BacktestSettings(), [data], [() => new Recorder()]);
        result.Bars.ShouldBe(3);
        result.WarmUpBars.ShouldBe(0);
    }
}
