using Keel.Core.Backtest;
using Keel.Core.Domain;
using Keel.Core.MarketData;
using Keel.Core.Strategies;
using Keel.Data.Columnar;
using Keel.Data.Csv;

namespace Keel.Data.Tests.Columnar;

/// <summary>
/// A series streamed from the columnar cache a window at a time gives every bar a whole load gives, from a CSV
/// or a Parquet source, and the same portfolio backtest; a damaged entry is an error that names the source.
/// </summary>
public sealed class ColumnarBarStreamTests : IDisposable
{
    private static readonly DateTime LongAgo = new(2020, 5, 1, 12, 0, 0, DateTimeKind.Utc);
    private readonly TempDirectory _dir = new();
    private readonly ColumnarBarCache _cache;

    public ColumnarBarStreamTests() => _cache = new ColumnarBarCache(_dir.Combine("cache"), minimumBytes: 0);

    public void Dispose() => _dir.Dispose();

    /// <summary>The series as a file of the given kind, last written long ago (the cache keeps only settled files).</summary>
    private string Write(BarSeries series, string extension)
    {
        var path = _dir.Combine(series.Symbol.Ticker.Replace('/', '-') + extension);
        if (extension == ".parquet") ParquetBars.Write(path, series);
        else BarCsvWriter.Write(path, series);
        File.SetLastWriteTimeUtc(path, LongAgo);
        return path;
    }

    private static List<Bar> ReadAll(IBarStream stream)
    {
        var bars = new List<Bar>();
        while (stream.MoveNext()) bars.Add(stream.Current);
        return bars;
    }

    [Theory]
    [InlineData(".csv")]
    [InlineData(".parquet")]
    public void A_stream_from_the_cache_reads_every_bar_of_every_window_in_order(string extension)
    {
        var series = ParquetBarStreamTests.Walk("BTC/USD", 40_000, 1); // many windows and several mappings of the columns, the last of each short
        var path = Write(series, extension);

        // The first open loads the file once to fill the cache; the second finds the entry.
        foreach (var _ in new[] { "fills", "finds" })
        {
            var stream = BarFiles.OpenStream(path, series.Symbol, _cache);
            using var columnar = stream.ShouldBeOfType<ColumnarBarStream>();
            columnar.Timeframe.ShouldBe(Timeframe.OneMinute);
            ReadAll(columnar).ShouldBe(series.Span.ToArray());
            columnar.MoveNext().ShouldBeFalse();
        }
        Directory.GetFiles(_cache.Directory).Length.ShouldBe(1);
        BarFiles.Load(path, new BarCsvOptions { Symbol = series.Symbol }, _cache).Series.Span.ToArray().ShouldBe(series.Span.ToArray());
    }

    [Fact]
    public void Without_a_cache_a_parquet_file_streams_by_row_group()
    {
        var series = ParquetBarStreamTests.Walk("ETH/USD", 1_000, 2);
        var stream = BarFiles.OpenStream(Write(series, ".parquet"), series.Symbol, cache: null);
        using var parquet = stream.ShouldBeOfType<ParquetBarStream>();
        ReadAll(parquet).ShouldBe(series.Span.ToArray());
    }

    [Fact]
    public void A_portfolio_backtest_over_cached_streams_equals_the_in_memory_one()
    {
        BarSeries[] data = [ParquetBarStreamTests.Walk("BTC/USD", 9_000, 3), ParquetBarStreamTests.Walk("ETH/USD", 7_000, 4)];
        var streams = data.Select(d => BarFiles.OpenStream(Write(d, ".parquet"), d.Symbol, _cache)).ToList();
        IStrategySpec[] specs = [StrategyRegistry.Default.Parse("sma-crossover:fast=10,slow=30")];
        var settings = new BacktestSettings { KeepJournal = true };

        var streamed = Backtester.RunStreaming(settings, streams, specs);
        var inMemory = Backtester.Run(settings, data, specs);
        foreach (var s in streams.Cast<IDisposable>()) s.Dispose();

        streams.ShouldAllBe(s => s is ColumnarBarStream);
        streamed.Trades.Count.ShouldBeGreaterThan(50);
        streamed.Trades.ShouldBe(inMemory.Trades);
        streamed.OrderEvents.ShouldBe(inMemory.OrderEvents);
        streamed.EquityCurve.ShouldBe(inMemory.EquityCurve);
        streamed.FinalEquity.ShouldBe(inMemory.FinalEquity);
    }

    [Fact]
    public void A_damaged_entry_is_an_error_naming_the_source_and_the_bar()
    {
        var series = ParquetBarStreamTests.Walk("BTC/USD", 40_000, 5);
        var path = Write(series, ".csv");
        BarFiles.Load(path, new BarCsvOptions { Symbol = series.Symbol }, _cache);
        var entry = Directory.GetFiles(_cache.Directory).Single();
        // Bar 36,001's timestamp (the ticks column comes first, after the header and key) set back to bar 1's: past
        // the stream's first mappings of the columns.
        var bytes = File.ReadAllBytes(entry);
        var ticksStart = bytes.Length - 40_000 * 6 * sizeof(long);
        BitConverter.GetBytes(ParquetBarStreamTests.T0.Ticks).CopyTo(bytes, ticksStart + 36_000 * sizeof(long));
        File.WriteAllBytes(entry, bytes);

        using var stream = _cache.TryOpenStream(path, series.Symbol, TimeZoneInfo.Utc).ShouldNotBeNull();
        var error = Should.Throw<BarDataException>(() => ReadAll(stream));
        error.Message.ShouldStartWith(path + ": ");
        error.Message.ShouldContain("damaged at bar 36001");

        // In a portfolio run the merge reads ahead on another thread: the same error reaches the caller.
        using var again = _cache.TryOpenStream(path, series.Symbol, TimeZoneInfo.Utc).ShouldNotBeNull();
        Should.Throw<BarDataException>(() => Backtester.RunStreaming(new BacktestSettings(), [again], [StrategyRegistry.Default.Parse("rsi")]))
            .Message.ShouldContain("damaged at bar 36001");
    }
}
