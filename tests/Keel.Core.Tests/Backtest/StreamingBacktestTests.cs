using Keel.Core.Backtest;
using Keel.Core.Costs;
using Keel.Core.Domain;
using Keel.Core.MarketData;
using Keel.Core.Strategies;
using Keel.Core.Tests.Research;

namespace Keel.Core.Tests.Backtest;

/// <summary>
/// A portfolio backtest over streams (one bar per symbol in memory), and one over several in-memory series, give
/// the result of showing every strategy every bar exactly: same trades, same curve, same money, same counts, with
/// gaps, unequal lengths and a warm-up, though both fast-forward through bars their strategies hold on.
/// </summary>
public sealed class StreamingBacktestTests
{
    private static readonly BacktestSettings Settings = new()
    {
        Broker = new BrokerModel(new PercentSlippage(0.05m), new PercentCommission(0.1m)),
        KeepJournal = true,
        TradeFrom = new DateTime(2024, 3, 6, 0, 0, 0, DateTimeKind.Utc),
    };

    [Fact]
    public void Streams_give_the_in_memory_result_bar_for_bar()
    {
        BarSeries[] data = [RandomWalk("ACME", 1, 900, skipEvery: 0), RandomWalk("BETA", 2, 700, skipEvery: 7), RandomWalk("GAMA", 3, 960, skipEvery: 11)];
        IStrategySpec[] specs = [StrategyRegistry.Default.Parse("sma-crossover:fast=5,slow=20"), StrategyRegistry.Default.Parse("rsi:period=7")];

        var inMemory = EveryBar(Settings, data, specs);
        var streamed = Backtester.RunStreaming(Settings, data.Select(d => (IBarStream)new BarSeriesStream(d)).ToList(), specs);

        inMemory.Trades.Count.ShouldBeGreaterThan(10);
        ShouldBeTheSame(streamed, inMemory);
        streamed.WarmUpBars.ShouldBe(3 * 48 - 48 / 7 - 48 / 11); // two days of hourly bars before TradeFrom, less the gaps
    }

    /// <summary>
    /// Fewer bars than one chunk of the merge: every indicator is computed before the replay starts, so the
    /// replay surely fast-forwards, and the strategies are shown only the bars they may act on; so does the merge
    /// of in-memory series.
    /// </summary>
    [Fact]
    public void A_streamed_run_fast_forwards_through_held_bars_and_still_gives_the_in_memory_result()
    {
        BarSeries[] data = [RandomWalk("ACME", 5, 1300, skipEvery: 0), RandomWalk("BETA", 6, 1300, skipEvery: 9), RandomWalk("GAMA", 7, 1300, skipEvery: 13)];
        var counted = new CountedSmaCrossover();
        IStrategySpec[] specs = [counted.Spec, StrategyRegistry.Default.Parse("rsi:period=7")];

        var inMemory = EveryBar(Settings, data, specs);
        var shownInMemory = counted.BarsShown;
        var streamed = Backtester.RunStreaming(Settings, data.Select(d => (IBarStream)new BarSeriesStream(d)).ToList(), specs);
        var shownStreamed = counted.BarsShown - shownInMemory;
        var merged = Backtester.Run(Settings, data, specs);
        var shownMerged = counted.BarsShown - shownInMemory - shownStreamed;

        shownInMemory.ShouldBe(data.Sum(d => d.Count));
        shownStreamed.ShouldBeLessThan(shownInMemory / 2);
        shownMerged.ShouldBeLessThan(shownInMemory / 2);
        inMemory.Trades.Count.ShouldBeGreaterThan(30);
        ShouldBeTheSame(streamed, inMemory);
        ShouldBeTheSame(merged, inMemory);
    }

    /// <summary>
    /// Far more bars than the merge reads ahead, with stops and take-profits working between bars: however far
    /// ahead the reading thread happens to be, the numbers are those of replaying every bar.
    /// </summary>
    [Theory]
    [InlineData(null, null, null)]
    [InlineData(2.0, 3.0, null)]
    [InlineData(null, null, 1.5)]
    public void A_long_streamed_run_gives_the_in_memory_result_with_any_exits(double? stopLoss, double? takeProfit, double? trailing)
    {
        BarSeries[] data = [RandomWalk("ACME", 8, 30_000, skipEvery: 0), RandomWalk("BETA", 9, 30_000, skipEvery: 17)];
        var settings = Settings with
        {
            KeepEquityCurve = true,
            Risk = new Keel.Core.Risk.RiskConfig
            {
                Sizing = Keel.Core.Risk.Sizing.Parse("percent:40"),
                StopLossPercent = (decimal?)stopLoss,
                TakeProfitPercent = (decimal?)takeProfit,
                TrailingStopPercent = (decimal?)trailing,
            },
        };
        IStrategySpec[] specs = [StrategyRegistry.Default.Parse("sma-crossover:fast=8,slow=40"), StrategyRegistry.Default.Parse("macd")];

        var inMemory = EveryBar(settings, data, specs);
        var streamed = Backtester.RunStreaming(settings, data.Select(d => (IBarStream)new BarSeriesStream(d)).ToList(), specs);
        var merged = Backtester.Run(settings, data, specs);

        inMemory.Trades.Count.ShouldBeGreaterThan(300);
        ShouldBeTheSame(streamed, inMemory);
        ShouldBeTheSame(merged, inMemory);
    }

    /// <summary>
    /// A universe where one symbol trades alone for a long stretch (the others end early): the merge caps each
    /// stream's bars in a chunk at twice its share (here 819 of 4,096), so its indicator rings, sized by that share,
    /// are never overwritten ahead of the replay. Without the cap, chunks of one stream's 4,096 bars overrun its
    /// rings and the replay stops on a value computed for another bar.
    /// </summary>
    [Fact]
    public void A_symbol_trading_alone_for_long_still_gives_the_in_memory_result()
    {
        var data = Enumerable.Range(0, 9).Select(i => RandomWalk($"S{i}", 20 + (ulong)i, 300, skipEvery: 0))
            .Append(RandomWalk("LONG", 7, 40_000, skipEvery: 0)).ToArray();
        IStrategySpec[] specs = [StrategyRegistry.Default.Parse("sma-crossover:fast=5,slow=20")];
        var settings = Settings with { KeepEquityCurve = true, Risk = new Keel.Core.Risk.RiskConfig { Sizing = Keel.Core.Risk.Sizing.Parse("percent:5") } };

        var inMemory = EveryBar(settings, data, specs);
        var streamed = Backtester.RunStreaming(settings, data.Select(d => (IBarStream)new BarSeriesStream(d)).ToList(), specs);
        var merged = Backtester.Run(settings, data, specs);

        inMemory.Trades.Count(t => t.Symbol.Ticker == "LONG").ShouldBeGreaterThan(1000);
        ShouldBeTheSame(streamed, inMemory);
        ShouldBeTheSame(merged, inMemory);
    }

    /// <summary>Every strategy updating its own indicators and shown every bar: nothing to fast-forward.</summary>
    private static BacktestResult EveryBar(BacktestSettings settings, BarSeries[] data, IStrategySpec[] specs) =>
        Backtester.Run(settings, data, specs.Select(s => (Func<IStrategy>)s.Create).ToList());

    private static void ShouldBeTheSame(BacktestResult streamed, BacktestResult inMemory)
    {
        streamed.Trades.ShouldBe(inMemory.Trades);
        streamed.EquityCurve.ShouldBe(inMemory.EquityCurve);
        streamed.OrderEvents.ShouldBe(inMemory.OrderEvents);
        streamed.Decisions.ShouldBe(inMemory.Decisions);
        streamed.FinalEquity.ShouldBe(inMemory.FinalEquity);
        streamed.FinalCash.ShouldBe(inMemory.FinalCash);
        streamed.Metrics.ShouldBe(inMemory.Metrics);
        (streamed.Bars, streamed.WarmUpBars).ShouldBe((inMemory.Bars, inMemory.WarmUpBars));
    }

    /// <summary>The SMA crossover, counting the bars it is shown (a registry definition, so streams give it cached indicators).</summary>
    private sealed class CountedSmaCrossover
    {
        public int BarsShown;

        public StrategySpec Spec => new StrategyDefinition("counted-sma", "SMA(5/20) crossover that counts its bars", [],
            (_, name, cache) => new Counted(this, new SmaCrossoverStrategy(5, 20, name, cache))).Configure(new Dictionary<string, double>());

        private sealed class Counted(CountedSmaCrossover owner, SmaCrossoverStrategy inner) : IStrategy, IFastForward
        {
            public string Name => inner.Name;
            public int WarmUpBars => inner.WarmUpBars;

            public Signal OnBar(in Bar bar, StrategyContext context)
            {
                owner.BarsShown++;
                return inner.OnBar(bar, context);
            }

            public void Reset() => inner.Reset();
            int IFastForward.HoldsAhead(StrategyContext context, int max) => ((IFastForward)inner).HoldsAhead(context, max);
            void IFastForward.Skip(int bars) => ((IFastForward)inner).Skip(bars);
        }
    }

    [Fact]
    public void The_benchmark_over_streams_is_the_benchmark_over_the_series()
    {
        BarSeries[] data = [RandomWalk("ACME", 1, 900, skipEvery: 0), RandomWalk("BETA", 2, 700, skipEvery: 7), RandomWalk("GAMA", 3, 960, skipEvery: 11)];
        var settings = Settings with { KeepEquityCurve = true };

        var inMemory = Benchmark.BuyAndHold(settings, data);
        var streamed = Benchmark.BuyAndHold(settings, data.Select(d => (IBarStream)new BarSeriesStream(d)).ToList());

        inMemory.FinalEquity.ShouldNotBe(settings.StartingCash);
        streamed.EquityCurve.ShouldBe(inMemory.EquityCurve);
        streamed.FinalEquity.ShouldBe(inMemory.FinalEquity);
        streamed.Metrics.ShouldBe(inMemory.Metrics);
        (streamed.Bars, streamed.WarmUpBars).ShouldBe((inMemory.Bars, inMemory.WarmUpBars));
    }

    /// <summary>
    /// A strategy that can say it holds (the benchmark's buy and hold) is fast-forwarded over streams too, though it
    /// reads no indicators: each stream's bars are counted ahead of the replay, and once in it is shown no more bars.
    /// </summary>
    [Fact]
    public void A_buy_and_hold_over_streams_is_fast_forwarded_once_in_and_gives_the_series_result()
    {
        BarSeries[] data = [RandomWalk("ACME", 1, 3_000, skipEvery: 0), RandomWalk("BETA", 2, 2_500, skipEvery: 7)];
        var settings = Settings with { KeepEquityCurve = true, Risk = new Keel.Core.Risk.RiskConfig { Sizing = Keel.Core.Risk.Sizing.Parse("percent:40") } };
        var shown = 0;

        var streamed = Backtester.RunStreaming(settings, data.Select(d => (IBarStream)new BarSeriesStream(d)).ToList(),
            [(Func<IStrategy>)(() => new CountedBuyAndHold(() => shown++))]);
        var inMemory = Backtester.Run(settings, data, [(Func<IStrategy>)(() => new BuyAndHoldStrategy())]);

        inMemory.FinalEquity.ShouldNotBe(settings.StartingCash);
        ShouldBeTheSame(streamed, inMemory);
        shown.ShouldBeLessThan(data.Sum(d => d.Count) / 10);
    }

    private sealed class CountedBuyAndHold(Action shown) : IStrategy, IFastForward
    {
        private readonly BuyAndHoldStrategy _inner = new();

        public string Name => _inner.Name;
        public int WarmUpBars => 0;

        public Signal OnBar(in Bar bar, StrategyContext context)
        {
            shown();
            return _inner.OnBar(bar, context);
        }

        public void Reset() { }
        int IFastForward.HoldsAhead(StrategyContext context, int max) => ((IFastForward)_inner).HoldsAhead(context, max);
        void IFastForward.Skip(int bars) { }
    }

    [Fact]
    public void A_stream_that_goes_back_in_time_stops_the_run_naming_its_symbol()
    {
        var bars = RandomWalk("ACME", 1, 10, skipEvery: 0);
        var stream = new ScriptedStream(bars.Symbol, [bars[0], bars[2], bars[1]]);
        Should.Throw<InvalidOperationException>(() => Backtester.RunStreaming(new BacktestSettings(), [stream], [StrategyRegistry.Default.Parse("rsi")]))
            .Message.ShouldContain("ACME: bars out of time order");
    }

    [Fact]
    public void A_strategy_failing_deep_into_a_long_run_stops_the_read_ahead_and_is_reported()
    {
        // Far more bars than the merge reads ahead, so the reader is still at work when the failure comes.
        BarSeries[] data = [RandomWalk("ACME", 3, 20_000, skipEvery: 0), RandomWalk("BETA", 4, 20_000, skipEvery: 0)];
        var failAt = data[0][12_345].Timestamp;
        var streams = data.Select(d => (IBarStream)new BarSeriesStream(d)).ToList();

        var failure = Should.Throw<StrategyFailedException>(() => Backtester.RunStreaming(new BacktestSettings(), streams, [new FailingSpec(failAt)]));

        failure.Message.ShouldContain("failing");
        failure.BarTime.ShouldBe(failAt);
    }

    private sealed class FailingSpec(DateTime at) : IStrategySpec
    {
        public string ShortName => "failing";
        public string Text => "failing";
        public IStrategy Create() => new Failing(at);
    }

    private sealed class Failing(DateTime at) : IStrategy
    {
        public string Name => "failing";
        public int WarmUpBars => 0;
        public Signal OnBar(in Bar bar, StrategyContext context) => bar.Timestamp == at ? throw new InvalidOperationException("boom") : Signal.Hold;
        public void Reset() { }
    }

    private sealed class ScriptedStream(Symbol symbol, Bar[] bars) : IBarStream
    {
        private int _next = -1;
        public Symbol Symbol => symbol;
        public Timeframe Timeframe => Timeframe.OneHour;
        public bool MoveNext() => ++_next < bars.Length;
        public ref readonly Bar Current => ref bars[_next];
    }

    /// <summary>Hourly bars from 2024-03-04; every <paramref name="skipEvery"/>-th hour missing (no bar), as thin markets have.</summary>
    private static BarSeries RandomWalk(string symbol, ulong seed, int hours, int skipEvery)
    {
        var noise = new SeededNoise(seed);
        var bars = new List<Bar>();
        var close = 100.0;
        var start = new DateTime(2024, 3, 4, 0, 0, 0, DateTimeKind.Utc);
        for (var i = 0; i < hours; i++)
        {
            var open = Math.Round(close * (1 + 0.001 * noise.NextGaussian()), 2);
            close = Math.Round(open * (1 + 0.008 * noise.NextGaussian()), 2);
            if (skipEvery > 0 && i % skipEvery == skipEvery - 1) continue;
            bars.Add(new Bar(start.AddHours(i), open, Math.Max(open, close) + 0.05, Math.Min(open, close) - 0.05, close, 1000));
        }
        return new BarSeries(Symbol.Parse(symbol), Timeframe.OneHour, bars.ToArray());
    }
}
