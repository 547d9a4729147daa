using Keel.Core.Domain;
using Keel.Core.MarketData;
using Keel.Data.Csv;
using Parquet;

namespace Keel.Data.Columnar;

/// <summary>
/// A Parquet bar file read forward one row group at a time (65,536 bars in Keel's files), for portfolio
/// backtests over many long series (<c>Backtester.RunStreaming</c>): a symbol costs one row group's columns of
/// memory, whatever the length of its file, and each bar is made (and validated as <see cref="ParquetBars.Read"/>
/// validates it) only when the merge reaches it.
/// </summary>
public sealed class ParquetBarStream : IBarStream, IDisposable
{
    private readonly ParquetReader _reader;
    private readonly ParquetBars.BarColumns _columns;
    private readonly ParquetBars.GroupBuffers _buffers = new();
    private DateTime[] _times = [];
    private double[][] _values = [];
    private int _groupRows;
    private int _groupIndex = -1;
    private int _next = -1;
    private int _rowsBefore;
    private Bar _current;

    private ParquetBarStream(ParquetReader reader, ParquetBars.BarColumns columns, Symbol symbol)
    {
        _reader = reader;
        _columns = columns;
        Symbol = symbol;
        if (reader.RowGroupCount == 0 || reader.RowGroups.Sum(g => g.RowCount) == 0) throw new BarDataException(columns.Path, 0, "the file has no bars");
        // The first group, read once: its bars say the timeframe, and MoveNext starts on it.
        LoadGroup(0);
        var sample = new Bar[_groupRows];
        for (var i = 0; i < sample.Length; i++) sample[i] = ParquetBars.ToBar(columns, _times, _values, i, i, i == 0 ? DateTime.MinValue : sample[i - 1].Timestamp);
        Timeframe = TimeframeInference.TryInfer(sample, out var timeframe, out var error)
            ? timeframe
            : throw new BarDataException(columns.Path, 0, error);
    }

    /// <summary>Opens <paramref name="path"/>; timestamps without a zone are read in <paramref name="zone"/> (UTC when null).</summary>
    /// <exception cref="BarDataException">Not a bar file, a missing column, or a bad bar (named by row), also later, while reading.</exception>
    public static ParquetBarStream Open(string path, Symbol symbol, TimeZoneInfo? zone = null)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(path);
        var reader = ParquetReader.CreateAsync(path).GetAwaiter().GetResult();
        try
        {
            return new ParquetBarStream(reader, ParquetBars.Columns(reader, path, zone ?? TimeZoneInfo.Utc), symbol);
        }
        catch
        {
            reader.DisposeAsync().AsTask().GetAwaiter().GetResult();
            throw;
        }
    }

    public Symbol Symbol { get; }
    public Timeframe Timeframe { get; }

    public bool MoveNext()
    {
        while (++_next >= _groupRows)
        {
            if (_groupIndex + 1 >= _reader.RowGroupCount) return false;
            LoadGroup(_groupIndex + 1);
        }
        var previous = _current.Timestamp;
        _current = ParquetBars.ToBar(_columns, _times, _values, _next, _rowsBefore + _next, previous);
        return true;
    }

    public ref readonly Bar Current => ref _current;

    private void LoadGroup(int index)
    {
        _rowsBefore += _groupRows;
        _groupIndex = index;
        using var group = _reader.OpenRowGroupReader(index);
        _groupRows = (int)group.RowCount;
        (_times, _values) = ParquetBars.ReadColumns(group, _columns, _groupRows, _rowsBefore, _buffers).GetAwaiter().GetResult();
        _next = -1; // MoveNext's loop steps onto the group's first row
    }

    public void Dispose() => _reader.DisposeAsync().AsTask().GetAwaiter().GetResult();
}
