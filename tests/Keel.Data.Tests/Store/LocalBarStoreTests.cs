using Keel.Core.Domain;
using Keel.Data.Csv;
using Keel.Data.Store;

namespace Keel.Data.Tests.Store;

public class LocalBarStoreTests : IDisposable
{
    private static readonly DateTime T0 = new(2024, 1, 2, 0, 0, 0, DateTimeKind.Utc);
    private static readonly Symbol Btc = Symbol.Parse("BTC/USD");
    private static readonly Symbol Spy = Symbol.Parse("SPY");

    private readonly TempDirectory _dir = new();
    private readonly LocalBarStore _store;

    public LocalBarStoreTests() => _store = new LocalBarStore(_dir.Combine("bars"));

    public void Dispose() => _dir.Dispose();

    private static BarSeries Daily(Symbol symbol, params (int Day, double Close)[] bars) =>
        new(symbol, Timeframe.OneDay, [.. bars.Select(b => new Bar(T0.AddDays(b.Day), b.Close, b.Close, b.Close, b.Close, 10))]);

    [Fact]
    public void Series_live_at_root_timeframe_file_safe_symbol_csv()
    {
        _store.PathFor(Btc, Timeframe.OneDay).ShouldBe(Path.Combine(_dir.Combine("bars"), "1Day", "BTC-USD.csv"));
        _store.PathFor(Spy, Timeframe.OneMinute).ShouldBe(Path.Combine(_dir.Combine("bars"), "1Min", "SPY.csv"));
    }

    [Fact]
    public void Saved_series_load_back_identically_in_canonical_csv()
    {
        var series = Daily(Btc, (0, 100), (1, 101.5), (2, 99.25));

        _store.Save(series);

        var loaded = _store.Load(Btc, Timeframe.OneDay);
        loaded.Symbol.ShouldBe(Btc);
        loaded.Span.SequenceEqual(series.Span).ShouldBeTrue();
        File.ReadLines(_store.PathFor(Btc, Timeframe.OneDay)).First().ShouldBe(BarCsvWriter.Header);
    }

    [Fact]
    public void A_missing_series_is_null_for_TryLoad_and_a_clear_error_for_Load()
    {
        _store.TryLoad(Spy, Timeframe.OneDay).ShouldBeNull();
        Should.Throw<FileNotFoundException>(() => _store.Load(Spy, Timeframe.OneDay)).Message.ShouldContain("The store is empty.");

        _store.Save(Daily(Btc, (0, 100)));
        _store.Save(new BarSeries(Spy, Timeframe.OneMinute, [new Bar(T0, 1, 1, 1, 1, 1)]));

        var ex = Should.Throw<FileNotFoundException>(() => _store.Load(Spy, Timeframe.OneDay));
        ex.Message.ShouldStartWith("No 1Day bars for SPY in the bar store at");
        ex.Message.ShouldContain("The store has: BTC/USD 1Day, SPY 1Min.");
        ex.FileName.ShouldBe(_store.PathFor(Spy, Timeframe.OneDay));
    }

    [Fact]
    public void Merge_unions_by_timestamp_and_incoming_bars_replace_stored_ones()
    {
        _store.Save(Daily(Spy, (0, 10), (1, 11), (2, 12)));

        var merged = _store.Merge(Daily(Spy, (2, 12.5), (3, 13), (5, 15)));

        merged.Span.ToArray().Select(b => (b.Timestamp.Day, b.Close)).ShouldBe([(2, 10.0), (3, 11.0), (4, 12.5), (5, 13.0), (7, 15.0)]);
        _store.Load(Spy, Timeframe.OneDay).Span.SequenceEqual(merged.Span).ShouldBeTrue();
    }

    [Fact]
    public void Merge_fills_gaps_before_and_inside_the_stored_range()
    {
        _store.Save(Daily(Spy, (2, 12), (6, 16)));

        var merged = _store.Merge(Daily(Spy, (0, 10), (4, 14)));

        merged.Span.ToArray().Select(b => b.Close).ShouldBe([10.0, 12, 14, 16]);
    }

    [Fact]
    public void Merge_into_an_empty_store_saves_the_incoming_series()
    {
        _store.Merge(Daily(Btc, (0, 100), (1, 101)));
        _store.Load(Btc, Timeframe.OneDay).Count.ShouldBe(2);
    }

    [Fact]
    public void Last_timestamp_tells_where_an_incremental_download_resumes()
    {
        _store.LastTimestamp(Spy, Timeframe.OneDay).ShouldBeNull();
        _store.Save(Daily(Spy, (0, 10), (3, 11)));
        _store.LastTimestamp(Spy, Timeframe.OneDay).ShouldBe(T0.AddDays(3));
    }

    [Fact]
    public void List_describes_every_series_and_ignores_stray_files()
    {
        _store.Save(Daily(Spy, (0, 10), (1, 11), (2, 12)));
        _store.Save(Daily(Btc, (0, 100)));
        _store.Save(new BarSeries(Spy, Timeframe.OneMinute, [new Bar(T0, 1, 1, 1, 1, 1), new Bar(T0.AddMinutes(1), 1, 1, 1, 1, 1)]));
        _dir.File(Path.Combine("bars", "1Day", "SPY.csv.0123.tmp"), "half a fi");
        _dir.File(Path.Combine("bars", "notes", "x.csv"), "not a timeframe folder");
        _dir.File(Path.Combine("bars", "README.md"), "hello");

        var entries = _store.List();

        entries.Select(e => $"{e.Symbol} {e.Timeframe} {e.BarCount}").ShouldBe(["BTC/USD 1Day 1", "SPY 1Min 2", "SPY 1Day 3"]);
        var spyDaily = entries[2];
        spyDaily.First.ShouldBe(T0);
        spyDaily.Last.ShouldBe(T0.AddDays(2));
        spyDaily.Path.ShouldBe(_store.PathFor(Spy, Timeframe.OneDay));
    }

    [Fact]
    public void Listing_a_store_that_does_not_exist_yet_is_empty()
    {
        new LocalBarStore(_dir.Combine("nowhere")).List().ShouldBeEmpty();
    }

    [Fact]
    public void An_empty_series_is_not_saved()
    {
        Should.Throw<ArgumentException>(() => _store.Save(new BarSeries(Spy, Timeframe.OneDay, [])));
    }

    [Fact]
    public void A_failed_write_leaves_the_previous_file_untouched_and_no_temporary_file()
    {
        var path = _dir.File("SPY.csv", "old content");

        Should.Throw<InvalidOperationException>(() => AtomicFile.Write(path, stream =>
        {
            stream.Write("new con"u8);
            throw new InvalidOperationException("crash halfway");
        }));

        File.ReadAllText(path).ShouldBe("old content");
        Directory.GetFiles(_dir.Path).ShouldBe([path]);
    }
}
