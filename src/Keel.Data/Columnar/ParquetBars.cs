using Keel.Core.Domain;
using Keel.Data.Csv;
using Parquet;
using Parquet.Schema;

namespace Keel.Data.Columnar;

/// <summary>
/// Bars in Apache Parquet, the columnar format freqtrade, NautilusTrader and pandas exchange. Keel writes
/// six required columns: <c>timestamp</c> (TIMESTAMP in nanoseconds, UTC, so every tick of a
/// <see cref="DateTime"/> survives) and <c>open, high, low, close, volume</c> (DOUBLE), Snappy-compressed,
/// in row groups of 65,536 bars. It reads any file with a timestamp column named timestamp, date, datetime or time and the
/// five price and volume columns in any numeric type (names in any case, other columns ignored);
/// timestamps not marked as UTC are read in the source zone, like CSV timestamps without an offset.
/// </summary>
/// <remarks>
/// This type alone touches Parquet.Net, so commands that never read Parquet never load it (start-up);
/// <see cref="BarFiles"/> decides which files come here.
/// </remarks>
public static class ParquetBars
{
    /// <summary>
    /// Rows per row group. Parquet.Net reads a column chunk (a row group's column) whole, with its compressed
    /// page and pooled buffers beside it: with a million rows per group a 1M-bar file peaked at 285 MB in a
    /// backtest; with 65,536 each chunk is half a megabyte.
    /// </summary>
    private const int RowGroupSize = 1 << 16;
    private static readonly byte[] Magic = "PAR1"u8.ToArray(); // at the start and the end of every Parquet file
    private static readonly string[] TimeNames = ["timestamp", "date", "datetime", "time"];
    private static readonly string[] ValueNames = ["open", "high", "low", "close", "volume"];

    /// <summary>Writes <paramref name="series"/> to <paramref name="path"/>, atomically replacing any existing file.</summary>
    public static void Write(string path, BarSeries series)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(path);
        ArgumentNullException.ThrowIfNull(series);
        AtomicFile.Write(path, stream => WriteAsync(stream, series).GetAwaiter().GetResult());
    }

    private static async Task WriteAsync(Stream stream, BarSeries series)
    {
        var time = new DateTimeDataField("timestamp", DateTimeFormat.Timestamp, isAdjustedToUTC: true, unit: DateTimeTimeUnit.Nanos, isNullable: false);
        var values = ValueNames.Select(name => new DataField<double>(name)).ToArray();
        await using var writer = await ParquetWriter.CreateAsync(new ParquetSchema([time, .. values]), stream);
        var bars = series.Span.ToArray();
        for (var start = 0; start < bars.Length || start == 0; start += RowGroupSize)
        {
            var group = bars.AsMemory(start, Math.Min(RowGroupSize, bars.Length - start));
            using var rows = writer.CreateRowGroup();
            await rows.WriteAsync<DateTime>(time, Column(group.Span, b => b.Timestamp));
            await rows.WriteAsync<double>(values[0], Column(group.Span, b => b.Open));
            await rows.WriteAsync<double>(values[1], Column(group.Span, b => b.High));
            await rows.WriteAsync<double>(values[2], Column(group.Span, b => b.Low));
            await rows.WriteAsync<double>(values[3], Column(group.Span, b => b.Close));
            await rows.WriteAsync<double>(values[4], Column(group.Span, b => b.Volume));
            if (bars.Length == 0) break;
        }
    }

    private static T[] Column<T>(ReadOnlySpan<Bar> bars, Func<Bar, T> value)
    {
        var column = new T[bars.Length];
        for (var i = 0; i < bars.Length; i++) column[i] = value(bars[i]);
        return column;
    }

    /// <summary>Reads a Parquet bar file; symbol, timeframe and source zone follow <paramref name="options"/> as for CSV.</summary>
    /// <exception cref="BarDataException">The file is not Parquet, lacks a column, or holds a value that cannot be a bar (named by row).</exception>
    public static BarLoadResult Read(string path, BarCsvOptions? options = null)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(path);
        options ??= BarCsvOptions.Default;
        var (symbol, symbolRule) = BarCsvReader.ResolveSymbol(path, options);
        var zone = options.SourceTimeZone ?? BarCsvReader.DefaultZone(symbol.AssetClass);
        if (!HasMagic(path)) throw new BarDataException(path, 0, "not a Parquet file (it does not start and end with the Parquet marker PAR1)");

        Bar[] bars;
        try
        {
            bars = ReadBarsAsync(path, zone).GetAwaiter().GetResult();
        }
        catch (Exception ex) when (ex is not BarDataException and not OutOfMemoryException)
        {
            throw new BarDataException(path, 0, $"cannot read it as Parquet bars: {ex.Message}");
        }
        if (bars.Length == 0) throw new BarDataException(path, 0, "the file has no bars");

        return BarCsvReader.Finish(path, options, symbol, symbolRule, bars, CsvLayout.Parquet, []);
    }

    private static bool HasMagic(string path)
    {
        using var file = File.OpenRead(path);
        if (file.Length < 12) return false;
        Span<byte> marker = stackalloc byte[4];
        file.ReadExactly(marker);
        if (!marker.SequenceEqual(Magic)) return false;
        file.Seek(-4, SeekOrigin.End);
        file.ReadExactly(marker);
        return marker.SequenceEqual(Magic);
    }

    private static async Task<Bar[]> ReadBarsAsync(string path, TimeZoneInfo zone)
    {
        await using var reader = await ParquetReader.CreateAsync(path);
        var columns = Columns(reader, path, zone);
        var total = reader.RowGroups.Sum(g => g.RowCount);
        if (total > Array.MaxLength) throw new BarDataException(path, 0, $"{total} rows are more than one series can hold");
        var bars = new Bar[total];
        var row = 0;
        var previous = DateTime.MinValue;
        foreach (var group in reader.RowGroups)
        {
            var count = (int)group.RowCount;
            await ReadGroup(group, columns, bars.AsMemory(row, count), row, previous);
            row += count;
            if (count > 0) previous = bars[row - 1].Timestamp;
        }
        return bars;
    }

    /// <summary>
    /// A stream's column arrays, reused from one row group to the next: fresh half-megabyte arrays per group would
    /// land on the large object heap, which only a full collection frees, and pile up over a hundred streams.
    /// </summary>
    internal sealed class GroupBuffers
    {
        private DateTime[] _times = [];
        private readonly double[][] _values = [[], [], [], [], []];

        public DateTime[] Times(int count) => _times.Length == count ? _times : _times = new DateTime[count];

        public double[] Values(int column, int count) => _values[column].Length == count ? _values[column] : _values[column] = new double[count];

        public double[][] AllValues => _values;
    }

    /// <summary>Which columns hold the bars, checked once per file.</summary>
    internal sealed record BarColumns(string Path, DataField Time, DataField[] Values, bool Utc, SourceClock Clock);

    internal static BarColumns Columns(ParquetReader reader, string path, TimeZoneInfo zone)
    {
        var fields = reader.Schema.GetDataFields();
        var time = Find(fields, TimeNames);
        var values = ValueNames.Select(name => Find(fields, [name])).ToArray();
        if (time is null || values.Any(v => v is null))
        {
            throw new BarDataException(path, 0,
                $"expected the columns timestamp (or date, datetime, time), open, high, low, close and volume, but the file has: {string.Join(", ", fields.Select(f => f.Name))}");
        }
        if (time.ClrType != typeof(DateTime))
            throw new BarDataException(path, 0, $"column '{time.Name}' holds {time.ClrType.Name} values; expected a timestamp (date and time)");
        foreach (var value in values)
        {
            if (!IsNumber(value!.ClrType))
                throw new BarDataException(path, 0, $"column '{value.Name}' holds {value.ClrType.Name} values; expected numbers");
        }
        return new BarColumns(path, time, values!, time is DateTimeDataField { IsAdjustedToUTC: true }, new SourceClock(zone));
    }

    /// <summary>
    /// Reads one row group into <paramref name="into"/> (its length is the group's row count), each bar validated
    /// and after <paramref name="previous"/>; errors name the file's row (<paramref name="firstRow"/> + 1 is the group's first).
    /// </summary>
    internal static async Task ReadGroup(ParquetRowGroupReader group, BarColumns columns, Memory<Bar> into, int firstRow, DateTime previous)
    {
        var (times, values) = await ReadColumns(group, columns, into.Length, firstRow, reuse: null);
        var bars = into.Span;
        for (var i = 0; i < bars.Length; i++) previous = (bars[i] = ToBar(columns, times, values, i, firstRow + i, previous)).Timestamp;
    }

    /// <summary>One row group's columns as read, not yet checked as bars (<see cref="ToBar"/> does that, row by row).</summary>
    internal static async Task<(DateTime[] Times, double[][] Values)> ReadColumns(ParquetRowGroupReader group, BarColumns columns, int count, int firstRow, GroupBuffers? reuse)
    {
        var times = await ReadTimes(group, columns.Time, count, columns.Path, firstRow, reuse?.Times(count));
        var values = reuse?.AllValues ?? new double[columns.Values.Length][];
        for (var c = 0; c < values.Length; c++) values[c] = await ReadNumbers(group, columns.Values[c], count, columns.Path, firstRow, reuse?.Values(c, count));
        return (times, values);
    }

    /// <summary>Row <paramref name="i"/> of a group's columns as a bar, validated and after <paramref name="previous"/>; <paramref name="row"/> is its place in the file.</summary>
    internal static Bar ToBar(BarColumns columns, DateTime[] times, double[][] values, int i, int row, DateTime previous)
    {
        var ticks = columns.Utc ? times[i].Ticks : columns.Clock.ToUtcTicks(WallClock(times[i]));
        var timestamp = new DateTime(ticks, DateTimeKind.Utc);
        var error = Bar.Validate(timestamp, values[0][i], values[1][i], values[2][i], values[3][i], values[4][i]);
        if (error is not null) throw new BarDataException(columns.Path, 0, $"row {row + 1}: {error}");
        if (row > 0 && timestamp <= previous)
            throw new BarDataException(columns.Path, 0, $"row {row + 1}: {timestamp:yyyy-MM-dd'T'HH:mm:ss'Z'} does not come after row {row}'s {previous:yyyy-MM-dd'T'HH:mm:ss'Z'}; rows must be in increasing time order");
        return new Bar(timestamp, values[0][i], values[1][i], values[2][i], values[3][i], values[4][i]);
    }

    /// <summary>A wall-clock time as the CSV parser hands it to <see cref="SourceClock"/>: a date and a time of day, no offset.</summary>
    private static TextTimestamp WallClock(DateTime local) => new(local.Year * 10_000 + local.Month * 100 + local.Day, local.TimeOfDay.Ticks, HasOffset: false, OffsetTicks: 0);

    private static DataField? Find(DataField[] fields, string[] names) =>
        fields.FirstOrDefault(f => f.Path.Length == 1 && names.Contains(f.Name, StringComparer.OrdinalIgnoreCase));

    private static bool IsNumber(Type type) =>
        type == typeof(double) || type == typeof(float) || type == typeof(long) || type == typeof(int) || type == typeof(decimal);

    private static async Task<DateTime[]> ReadTimes(ParquetRowGroupReader group, DataField field, int count, string path, int firstRow, DateTime[]? reuse = null)
    {
        if (!field.IsNullable)
        {
            var values = reuse ?? new DateTime[count];
            await group.ReadAsync<DateTime>(field, values);
            return values;
        }
        var nullable = new DateTime?[count];
        await group.ReadAsync<DateTime>(field, nullable);
        return NoNulls(nullable, field, path, firstRow);
    }

    private static async Task<double[]> ReadNumbers(ParquetRowGroupReader group, DataField field, int count, string path, int firstRow, double[]? reuse = null)
    {
        if (field.ClrType == typeof(double) && !field.IsNullable)
        {
            var values = reuse ?? new double[count];
            await group.ReadAsync<double>(field, values);
            return values;
        }
        if (field.ClrType == typeof(double)) return Doubles(await Nullable<double>(group, field, count), field, path, firstRow, v => v);
        if (field.ClrType == typeof(float)) return Doubles(await Nullable<float>(group, field, count), field, path, firstRow, v => v);
        if (field.ClrType == typeof(long)) return Doubles(await Nullable<long>(group, field, count), field, path, firstRow, v => v);
        if (field.ClrType == typeof(int)) return Doubles(await Nullable<int>(group, field, count), field, path, firstRow, v => v);
        return Doubles(await Nullable<decimal>(group, field, count), field, path, firstRow, v => (double)v);
    }

    /// <summary>Reads a column of any nullability as nullable values, so one code path finds missing ones.</summary>
    private static async Task<T?[]> Nullable<T>(ParquetRowGroupReader group, DataField field, int count) where T : struct
    {
        var values = new T?[count];
        if (field.IsNullable)
        {
            await group.ReadAsync<T>(field, values);
            return values;
        }
        var required = new T[count];
        await group.ReadAsync<T>(field, required);
        for (var i = 0; i < count; i++) values[i] = required[i];
        return values;
    }

    private static double[] Doubles<T>(T?[] values, DataField field, string path, int firstRow, Func<T, double> convert) where T : struct
    {
        var result = new double[values.Length];
        for (var i = 0; i < values.Length; i++)
            result[i] = values[i] is { } v ? convert(v) : throw new BarDataException(path, 0, $"row {firstRow + i + 1}: column '{field.Name}' is empty");
        return result;
    }

    private static T[] NoNulls<T>(T?[] values, DataField field, string path, int firstRow) where T : struct
    {
        var result = new T[values.Length];
        for (var i = 0; i < values.Length; i++)
            result[i] = values[i] ?? throw new BarDataException(path, 0, $"row {firstRow + i + 1}: column '{field.Name}' is empty");
        return result;
    }
}
