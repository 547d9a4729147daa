using System.Runtime.InteropServices;
using Keel.Core.Domain;
using Keel.Data.Columnar;
using Keel.Data.Csv;
using Microsoft.Extensions.Time.Testing;

namespace Keel.Data.Tests.Columnar;

/// <summary>
/// The cache is keyed by the file's path, size and last-write time. These tests set the time stamp by hand:
/// that is how they show both that a hit reads no text (same size and time, other text: the cached bars
/// come back) and that any change of size or time is a miss.
/// </summary>
public class ColumnarBarCacheTests : IDisposable
{
    private static readonly DateTime T0 = new(2024, 1, 2, 0, 0, 0, DateTimeKind.Utc);
    private static readonly DateTime LongAgo = new(2020, 5, 1, 12, 0, 0, DateTimeKind.Utc);
    private readonly TempDirectory _dir = new();
    private readonly ColumnarBarCache _cache;

    public ColumnarBarCacheTests() => _cache = new ColumnarBarCache(_dir.Combine("cache"), minimumBytes: 0);

    public void Dispose() => _dir.Dispose();

    /// <summary>A CSV whose closes are all <paramref name="close"/> (one digit, so files of different closes have the same size).</summary>
    private string WriteCsv(string name, int close, int rows = 50, DateTime? modified = null)
    {
        var lines = Enumerable.Range(0, rows).Select(i => $"{T0.AddMinutes(i):yyyy-MM-ddTHH:mm:ssZ},{close},{close},{close},{close},{i % 10}");
        var path = _dir.File(name, BarCsvWriter.Header + "\n" + string.Join('\n', lines) + "\n");
        File.SetLastWriteTimeUtc(path, modified ?? LongAgo);
        return path;
    }

    private BarLoadResult Load(string path, BarCsvOptions? options = null) => BarFiles.Load(path, options, _cache);

    private string[] Entries() => Directory.Exists(_cache.Directory) ? Directory.GetFiles(_cache.Directory) : [];

    [Fact]
    public void A_second_load_reads_the_cached_columns_not_the_text()
    {
        var path = WriteCsv("BTC-USD.csv", close: 5);
        var first = Load(path);
        Entries().Length.ShouldBe(1);

        // Other text, same size and time stamp: only a load that skips parsing can still see closes of 5.
        WriteCsv("BTC-USD.csv", close: 7);
        var second = Load(path);

        second.Series.Span.SequenceEqual(first.Series.Span).ShouldBeTrue();
        second.Series[0].Close.ShouldBe(5);
        second.Layout.ShouldBe(CsvLayout.Keel);
        second.Series.Symbol.ShouldBe(Symbol.Parse("BTC/USD"));
        second.Series.Timeframe.ShouldBe(Timeframe.OneMinute);
    }

    [Fact]
    public void A_symbolic_link_reads_its_target_whole_and_a_change_of_the_target_is_a_miss()
    {
        var target = WriteCsv("data.csv", close: 5);
        var link = _dir.Combine("ETH-USD.csv");
        File.CreateSymbolicLink(link, target);
        var first = Load(link);
        first.Series.Count.ShouldBe(50, "the link's own length is that of the path it holds, not the data's");
        first.Series.Symbol.ShouldBe(Symbol.Parse("ETH/USD"), "the symbol comes from the name given");

        WriteCsv("data.csv", close: 7, rows: 60, modified: LongAgo.AddDays(1));
        var second = Load(link);
        (second.Series.Count, second.Series[0].Close).ShouldBe((60, 7));
    }

    [Fact]
    public void A_new_time_stamp_or_size_invalidates_the_entry()
    {
        var path = WriteCsv("BTC-USD.csv", close: 5);
        Load(path);

        WriteCsv("BTC-USD.csv", close: 7, modified: LongAgo.AddSeconds(1));
        Load(path).Series[0].Close.ShouldBe(7);

        WriteCsv("BTC-USD.csv", close: 7, rows: 60, modified: LongAgo.AddSeconds(1));
        Load(path).Series.Count.ShouldBe(60);

        Entries().Length.ShouldBe(1); // the one entry of this file was replaced each time, not added to
    }

    [Fact]
    public void Cached_bars_are_bit_identical_to_parsed_ones()
    {
        var path = _dir.Combine("SPY.csv");
        var random = new Random(3);
        var bars = Enumerable.Range(0, 500).Select(i =>
        {
            var open = 100 + random.NextDouble();
            var close = 100 + random.NextDouble();
            return new Bar(T0.AddMinutes(i), open, Math.Max(open, close) + random.NextDouble() / 3, Math.Min(open, close) - random.NextDouble() / 3, close, random.NextDouble() * 1e6);
        }).ToArray();
        BarCsvWriter.Write(path, new BarSeries(Symbol.Parse("SPY"), Timeframe.OneMinute, bars));
        File.SetLastWriteTimeUtc(path, LongAgo);

        var parsed = BarCsvReader.Load(path).Series;
        Load(path);
        var cached = Load(path).Series;

        Entries().Length.ShouldBe(1);
        cached.Count.ShouldBe(parsed.Count);
        for (var i = 0; i < parsed.Count; i++)
        {
            cached[i].Timestamp.ShouldBe(parsed[i].Timestamp);
            BitConverter.DoubleToInt64Bits(cached[i].High).ShouldBe(BitConverter.DoubleToInt64Bits(parsed[i].High));
            BitConverter.DoubleToInt64Bits(cached[i].Volume).ShouldBe(BitConverter.DoubleToInt64Bits(parsed[i].Volume));
        }
    }

    [Fact]
    public void A_stated_zone_reads_the_text_not_the_cached_bars()
    {
        // Timestamps without an offset: the zone changes the bars. A stated zone (--tz) must also be checked
        // against offsets in the file, which only a parse sees, so it never reads or writes the cache.
        var path = _dir.File("SPY.csv", "Date,Open,High,Low,Close,Volume\n2024-07-01 09:30,1,1,1,1,1\n2024-07-01 09:31,1,1,1,1,1\n");
        File.SetLastWriteTimeUtc(path, LongAgo);

        var newYork = Load(path).Series[0].Timestamp;
        var utc = Load(path, new BarCsvOptions { SourceTimeZone = TimeZoneInfo.Utc }).Series[0].Timestamp;

        newYork.ShouldBe(new DateTime(2024, 7, 1, 13, 30, 0, DateTimeKind.Utc));
        utc.ShouldBe(new DateTime(2024, 7, 1, 9, 30, 0, DateTimeKind.Utc));
        Entries().Length.ShouldBe(1);
        Load(path).Series[0].Timestamp.ShouldBe(newYork);
    }

    [Fact]
    public void A_damaged_entry_is_a_miss_and_is_rebuilt()
    {
        var path = WriteCsv("BTC-USD.csv", close: 5);
        Load(path);
        var entry = Entries().Single();
        var bytes = File.ReadAllBytes(entry);
        File.WriteAllBytes(entry, bytes[..^8]); // cut short

        Load(path).Series[0].Close.ShouldBe(5);
        File.ReadAllBytes(entry).Length.ShouldBe(bytes.Length);
    }

    /// <summary>
    /// A long series is decoded in parts at once (one per core): a bar damaged in any part, or out of order just where a
    /// part starts (row n/2 on two cores, checked against the row before it, which the other part decodes), is a miss;
    /// an intact entry gives every bar back.
    /// </summary>
    [Theory]
    [InlineData(-1)] // intact
    [InlineData(0)]
    [InlineData(34_999)]
    [InlineData(35_000)]
    [InlineData(52_500)]
    [InlineData(69_999)]
    public void A_long_entry_decoded_in_parts_is_whole_or_a_miss(int damagedRow)
    {
        const int rows = 70_000;
        var path = WriteCsv("BTC-USD.csv", close: 5, rows: rows);
        var parsed = Load(path).Series;
        var entry = Entries().Single();
        if (damagedRow >= 0)
        {
            var bytes = File.ReadAllBytes(entry);
            var ticks = MemoryMarshal.Cast<byte, long>(bytes.AsSpan(bytes.Length - rows * 6 * sizeof(long), rows * sizeof(long)));
            // The row's time equal to the previous row's, or (the first row) before zero: refused by the parser either way.
            ticks[damagedRow] = damagedRow == 0 ? -1 : ticks[damagedRow - 1];
            File.WriteAllBytes(entry, bytes);
        }

        // Other text of the same size and time stamp: closes of 7 show the text was parsed, closes of 5 that the entry was read.
        WriteCsv("BTC-USD.csv", close: 7, rows: rows);
        var loaded = Load(path).Series;

        if (damagedRow < 0)
        {
            loaded.Span.SequenceEqual(parsed.Span).ShouldBeTrue();
            loaded[rows - 1].Close.ShouldBe(5);
        }
        else
        {
            loaded.Count.ShouldBe(rows);
            loaded[0].Close.ShouldBe(7);
            loaded[rows - 1].Close.ShouldBe(7);
        }
    }

    [Fact]
    public void No_entry_for_a_file_that_may_still_be_changing_a_bad_file_or_a_small_one()
    {
        var clock = new FakeTimeProvider(LongAgo.AddSeconds(1));
        var cache = new ColumnarBarCache(_dir.Combine("cache"), minimumBytes: 0, time: clock);
        var path = WriteCsv("BTC-USD.csv", close: 5, modified: LongAgo);
        BarFiles.Load(path, null, cache);
        Entries().ShouldBeEmpty(); // written a second ago: a second write in the same time stamp would go unseen

        clock.Advance(TimeSpan.FromSeconds(5));
        BarFiles.Load(path, null, cache);
        Entries().Length.ShouldBe(1);

        var bad = _dir.File("ETH-USD.csv", BarCsvWriter.Header + "\n2024-01-02T00:00:00Z,1,1,1,1,1\n2024-01-02T00:01:00Z,x,1,1,1,1\n2024-01-02T00:02:00Z,1,1,1,1,1\n");
        File.SetLastWriteTimeUtc(bad, LongAgo);
        BarFiles.Load(bad, new BarCsvOptions { SkipBadRows = true }, cache).SkippedRows.Count.ShouldBe(1);
        Entries().Length.ShouldBe(1); // a file with skipped rows is parsed every time, so the skips are reported every time

        var small = new ColumnarBarCache(_dir.Combine("other"), minimumBytes: 1 << 20);
        BarFiles.Load(path, null, small);
        Directory.Exists(small.Directory).ShouldBeFalse();
    }
}
