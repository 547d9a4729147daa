using Keel.Core.Domain;
using Keel.Data.Columnar;
using Keel.Data.Csv;
using Parquet;
using Parquet.Schema;

namespace Keel.Data.Tests.Columnar;

public class ParquetBarsTests : IDisposable
{
    private static readonly DateTime T0 = new(2024, 3, 8, 14, 30, 0, DateTimeKind.Utc);
    private readonly TempDirectory _dir = new();

    public void Dispose() => _dir.Dispose();

    /// <summary>Awkward values on purpose: sub-second times, doubles with no short decimal form, huge and tiny numbers.</summary>
    private static BarSeries Awkward(int count)
    {
        var random = new Random(7);
        var bars = new Bar[count];
        var price = 0.1 + 0.2;
        for (var i = 0; i < count; i++)
        {
            price *= 1 + (random.NextDouble() - 0.5) / 100;
            var open = price * (1 + random.NextDouble() / 1000);
            var close = price * (1 - random.NextDouble() / 1000);
            bars[i] = new Bar(T0.AddMinutes(i).AddTicks(i % 7 == 0 ? 1234567 : 0), open, Math.Max(open, close) * 1.0000001, Math.Min(open, close) / 1.0000001, close,
                i % 5 == 0 ? 0 : random.NextDouble() * 1e12);
        }
        return new BarSeries(Symbol.Parse("BTC/USD"), Timeframe.OneMinute, bars);
    }

    [Fact]
    public void A_round_trip_gives_bit_identical_bars()
    {
        var series = Awkward(70_000); // more than one row group
        var path = _dir.Combine("BTC-USD.parquet");

        ParquetBars.Write(path, series);
        var loaded = BarFiles.Load(path, null, cache: null);

        loaded.Layout.ShouldBe(CsvLayout.Parquet);
        loaded.SkippedRows.ShouldBeEmpty();
        loaded.Series.Symbol.ShouldBe(series.Symbol);
        loaded.Series.Timeframe.ShouldBe(series.Timeframe);
        loaded.Series.Count.ShouldBe(series.Count);
        for (var i = 0; i < series.Count; i++)
        {
            var (a, b) = (series[i], loaded.Series[i]);
            b.Timestamp.Ticks.ShouldBe(a.Timestamp.Ticks);
            b.Timestamp.Kind.ShouldBe(DateTimeKind.Utc);
            foreach (var (x, y) in new[] { (a.Open, b.Open), (a.High, b.High), (a.Low, b.Low), (a.Close, b.Close), (a.Volume, b.Volume) })
                BitConverter.DoubleToInt64Bits(y).ShouldBe(BitConverter.DoubleToInt64Bits(x));
        }
    }

    [Fact]
    public void Csv_to_parquet_and_back_to_csv_gives_the_same_text()
    {
        var csv = _dir.Combine("SPY.csv");
        BarCsvWriter.Write(csv, Awkward(300));
        var parquet = _dir.Combine("SPY.parquet");

        ParquetBars.Write(parquet, BarFiles.Load(csv, null, cache: null).Series);
        var back = _dir.Combine("SPY-again.csv");
        BarCsvWriter.Write(back, BarFiles.Load(parquet, new BarCsvOptions { Symbol = Symbol.Parse("SPY") }, cache: null).Series);

        File.ReadAllText(back).ShouldBe(File.ReadAllText(csv));
    }

    [Fact]
    public void A_parquet_file_is_recognised_by_its_marker_whatever_its_name()
    {
        var path = _dir.Combine("BTC-USD.bars");
        ParquetBars.Write(path, Awkward(10));

        BarFiles.IsParquet(path).ShouldBeTrue();
        BarFiles.Load(path, null, cache: null).Series.Count.ShouldBe(10);
    }

    [Fact]
    public void A_file_named_parquet_that_is_not_parquet_is_an_error_naming_it()
    {
        var path = _dir.File("SPY.parquet", "timestamp,open,high,low,close,volume\n2024-01-02T00:00:00Z,1,1,1,1,1\n");

        var error = Should.Throw<BarDataException>(() => BarFiles.Load(path, null, cache: null));

        error.Message.ShouldBe($"{path}: not a Parquet file (it does not start and end with the Parquet marker PAR1)");
    }

    [Fact]
    public async Task Missing_columns_are_named_with_what_the_file_has()
    {
        var path = _dir.Combine("SPY.parquet");
        var time = new DateTimeDataField("timestamp", DateTimeFormat.Timestamp, isAdjustedToUTC: true, unit: DateTimeTimeUnit.Millis, isNullable: false);
        var price = new DataField<double>("price");
        await using (var stream = File.Create(path))
        await using (var writer = await ParquetWriter.CreateAsync(new ParquetSchema(time, price), stream))
        {
            using var rows = writer.CreateRowGroup();
            await rows.WriteAsync<DateTime>(time, new[] { T0, T0.AddDays(1) });
            await rows.WriteAsync<double>(price, new[] { 1.0, 2.0 });
        }

        var error = Should.Throw<BarDataException>(() => BarFiles.Load(path, null, cache: null));

        error.Message.ShouldStartWith($"{path}: ");
        error.Message.ShouldContain("expected the columns timestamp (or date, datetime, time), open, high, low, close and volume, but the file has: timestamp, price");
        error.Message.ShouldNotContain("\n");
    }

    [Fact]
    public async Task Other_tools_files_load_too_date_column_float_prices_integer_volume_and_a_bad_row_is_named_by_number()
    {
        // As pandas writes a frame with a DatetimeIndex reset into a 'date' column; extra columns are ignored.
        var path = _dir.Combine("ETH-USD.parquet");
        var date = new DateTimeDataField("date", DateTimeFormat.Timestamp, isAdjustedToUTC: true, unit: DateTimeTimeUnit.Micros, isNullable: true);
        var fields = new DataField[] { date, new DataField<float>("Open", nullable: true), new DataField<float>("High", nullable: true), new DataField<float>("Low", nullable: true), new DataField<float>("Close", nullable: true), new DataField<long>("Volume", nullable: true), new DataField<string>("note") };
        async Task Write(float thirdHigh)
        {
            await using var stream = File.Create(path);
            await using var writer = await ParquetWriter.CreateAsync(new ParquetSchema(fields), stream);
            using var rows = writer.CreateRowGroup();
            await rows.WriteAsync<DateTime>(date, new DateTime?[] { T0, T0.AddHours(1), T0.AddHours(2) });
            await rows.WriteAsync<float>((DataField)fields[1], new float?[] { 10.5f, 11f, 12f });
            await rows.WriteAsync<float>((DataField)fields[2], new float?[] { 11f, 12f, thirdHigh });
            await rows.WriteAsync<float>((DataField)fields[3], new float?[] { 10f, 10.5f, 11.5f });
            await rows.WriteAsync<float>((DataField)fields[4], new float?[] { 10.75f, 11.5f, 12f });
            await rows.WriteAsync<long>((DataField)fields[5], new long?[] { 100, 200, 300 });
            await rows.WriteAsync((DataField)fields[6], new[] { "a", "b", "c" });
        }

        await Write(thirdHigh: 12.5f);
        var series = BarFiles.Load(path, null, cache: null).Series;
        series.Symbol.ShouldBe(Symbol.Parse("ETH/USD"));
        series.Timeframe.ShouldBe(Timeframe.Parse("1Hour"));
        series[1].ShouldBe(new Bar(T0.AddHours(1), 11, 12, 10.5, 11.5, 200));

        await Write(thirdHigh: 11f); // below the low of 11.5
        var error = Should.Throw<BarDataException>(() => BarFiles.Load(path, null, cache: null));
        error.Message.ShouldBe($"{path}: row 3: high 11 is below low 11.5");
    }

    [Fact]
    public async Task Timestamps_not_marked_utc_are_read_in_the_source_zone_like_csv_text()
    {
        var path = _dir.Combine("SPY.parquet");
        var time = new DateTimeDataField("timestamp", DateTimeFormat.Timestamp, isAdjustedToUTC: false, unit: DateTimeTimeUnit.Millis, isNullable: false);
        var values = new[] { "open", "high", "low", "close", "volume" }.Select(n => new DataField<double>(n)).ToArray();
        await using (var stream = File.Create(path))
        await using (var writer = await ParquetWriter.CreateAsync(new ParquetSchema([time, .. values]), stream))
        {
            using var rows = writer.CreateRowGroup();
            var wallClock = new DateTime(2024, 7, 1, 9, 30, 0, DateTimeKind.Unspecified);
            await rows.WriteAsync<DateTime>(time, new[] { wallClock, wallClock.AddMinutes(1) });
            foreach (var field in values) await rows.WriteAsync<double>(field, new[] { 1.0, 1.0 });
        }

        var series = BarFiles.Load(path, null, cache: null).Series; // an equity: New York time by default

        series[0].Timestamp.ShouldBe(new DateTime(2024, 7, 1, 13, 30, 0, DateTimeKind.Utc));
    }
}
