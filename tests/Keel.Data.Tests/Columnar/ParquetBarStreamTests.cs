using Keel.Core.Backtest;
using Keel.Core.Domain;
using Keel.Core.MarketData;
using Keel.Core.Strategies;
using Keel.Data.Columnar;

namespace Keel.Data.Tests.Columnar;

/// <summary>A Parquet file read a row group at a time gives every bar the whole-file read gives, and the same backtest.</summary>
public sealed class ParquetBarStreamTests : IDisposable
{
    internal static readonly DateTime T0 = new(2024, 3, 8, 0, 0, 0, DateTimeKind.Utc);
    private readonly TempDirectory _dir = new();

    public void Dispose() => _dir.Dispose();

    /// <summary>A minute-bar random walk from <see cref="T0"/> (also the columnar stream tests' series).</summary>
    internal static BarSeries Walk(string symbol, int count, int seed)
    {
        var random = new Random(seed);
        var bars = new Bar[count];
        var price = 100.0;
        for (var i = 0; i < count; i++)
        {
            var open = price;
            price = Math.Round(price * (1 + (random.NextDouble() - 0.5) / 200), 2);
            bars[i] = new Bar(T0.AddMinutes(i), open, Math.Max(open, price) + 0.01, Math.Min(open, price) - 0.01, price, 1000 + i % 17);
        }
        return new BarSeries(new Symbol(symbol, AssetClass.Crypto), Timeframe.OneMinute, bars);
    }

    [Fact]
    public void Streaming_reads_every_bar_of_every_row_group_in_order()
    {
        var series = Walk("BTC/USD", 150_000, 1); // three row groups, the last one short
        var path = _dir.Combine("btc.parquet");
        ParquetBars.Write(path, series);

        using var stream = ParquetBarStream.Open(path, series.Symbol);
        stream.Timeframe.ShouldBe(Timeframe.OneMinute);
        var read = new List<Bar>();
        while (stream.MoveNext()) read.Add(stream.Current);

        read.ShouldBe(series.Span.ToArray());
        stream.MoveNext().ShouldBeFalse();
    }

    [Fact]
    public void A_portfolio_backtest_over_parquet_streams_equals_the_in_memory_one()
    {
        BarSeries[] data = [Walk("BTC/USD", 90_000, 2), Walk("ETH/USD", 70_000, 3)];
        var streams = data.Select(d =>
        {
            var path = _dir.Combine(d.Symbol.Ticker.Replace('/', '-') + ".parquet");
            ParquetBars.Write(path, d);
            return ParquetBarStream.Open(path, d.Symbol);
        }).ToList();
        IStrategySpec[] specs = [StrategyRegistry.Default.Parse("sma-crossover:fast=10,slow=30")];
        var settings = new BacktestSettings { KeepJournal = true };

        var streamed = Backtester.RunStreaming(settings, streams.Cast<IBarStream>().ToList(), specs);
        var inMemory = Backtester.Run(settings, data, specs);
        foreach (var s in streams) s.Dispose();

        streamed.Trades.Count.ShouldBeGreaterThan(100);
        streamed.Trades.ShouldBe(inMemory.Trades);
        streamed.FinalEquity.ShouldBe(inMemory.FinalEquity);
        streamed.EquityCurve.ShouldBe(inMemory.EquityCurve);
    }

    [Fact]
    public void A_file_that_is_not_bars_is_named()
    {
        var path = _dir.Combine("empty.parquet");
        ParquetBars.Write(path, new BarSeries(Symbol.Parse("SPY"), Timeframe.OneDay, []));
        Should.Throw<Keel.Data.Csv.BarDataException>(() => ParquetBarStream.Open(path, Symbol.Parse("SPY"))).Message.ShouldContain("empty.parquet");
    }
}
