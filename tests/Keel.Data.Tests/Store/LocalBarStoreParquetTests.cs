using Keel.Core.Domain;
using Keel.Data.Columnar;
using Keel.Data.Csv;
using Keel.Data.Store;

namespace Keel.Data.Tests.Store;

/// <summary>The store holds a series as CSV or as Parquet (<c>{root}/{timeframe}/{SYMBOL}.parquet</c>), never both.</summary>
public class LocalBarStoreParquetTests : IDisposable
{
    private static readonly DateTime T0 = new(2024, 1, 2, 0, 0, 0, DateTimeKind.Utc);
    private static readonly Symbol Spy = Symbol.Parse("SPY");
    private readonly TempDirectory _dir = new();
    private readonly LocalBarStore _store;

    public LocalBarStoreParquetTests() => _store = new LocalBarStore(_dir.Combine("bars"));

    public void Dispose() => _dir.Dispose();

    private static BarSeries Daily(params double[] closes) =>
        new(Spy, Timeframe.OneDay, [.. closes.Select((c, i) => new Bar(T0.AddDays(i), c, c, c, c, 10))]);

    private string ParquetPath => Path.ChangeExtension(_store.PathFor(Spy, Timeframe.OneDay), ".parquet");

    [Fact]
    public void A_parquet_series_is_loaded_listed_and_merged_in_parquet()
    {
        Directory.CreateDirectory(Path.GetDirectoryName(ParquetPath)!);
        ParquetBars.Write(ParquetPath, Daily(100, 101));

        _store.Load(Spy, Timeframe.OneDay).Span.SequenceEqual(Daily(100, 101).Span).ShouldBeTrue();
        _store.List().Single().Path.ShouldBe(ParquetPath);

        _store.Merge(new BarSeries(Spy, Timeframe.OneDay, [new Bar(T0.AddDays(2), 102, 102, 102, 102, 10)]));

        File.Exists(_store.PathFor(Spy, Timeframe.OneDay)).ShouldBeFalse();
        ParquetBars.Read(ParquetPath).Series.Span.SequenceEqual(Daily(100, 101, 102).Span).ShouldBeTrue();
    }

    [Fact]
    public void Both_a_csv_and_a_parquet_file_for_one_series_is_an_error_naming_both()
    {
        _store.Save(Daily(100, 101));
        ParquetBars.Write(ParquetPath, Daily(100, 101));

        var error = Should.Throw<BarDataException>(() => _store.Load(Spy, Timeframe.OneDay));

        error.Message.ShouldContain(_store.PathFor(Spy, Timeframe.OneDay));
        error.Message.ShouldContain(ParquetPath);
        error.Message.ShouldContain("remove one");
    }
}
