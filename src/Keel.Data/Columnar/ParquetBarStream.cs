using Keel.Core.Domain;
using Keel.Core.MarketData;
using Keel.Data.Csv;
using Parquet;

namespace Keel.Data.Columnar;

/// <summary>
/// A Parquet bar file read forward one row group at a time (65,536 bars in Keel's files), for portfolio
/// backtests over many long series (<c>Backtester.RunStreaming</c>): a symbol costs one row group of memory,
/// whatever the length of its file. Bars are validated as <see cref="ParquetBars.Read"/> validates them.
/// </summary>
public sealed class ParquetBarStream : IBarStream, IDisposable
{
    private readonly ParquetReader _reader;
    private readonly ParquetBars.BarColumns _columns;
    private Bar[] _group = [];
    private int _groupIndex = -1;
    private int _next = -1;
    private int _rowsBefore;

    private ParquetBarStream(ParquetReader reader, ParquetBars.BarColumns columns, Symbol symbol)
    {
        _reader = reader;
        _columns = columns;
        Symbol = symbol;
        LoadGroup(0);
        if (_group.Length == 0) throw new BarDataException(columns.Path, 0, "the file has no bars");
        Timeframe = TimeframeInference.TryInfer(_group, out var timeframe, out var error)
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
        if (++_next < _group.Length) return true;
        while (_groupIndex + 1 < _reader.RowGroupCount)
        {
            LoadGroup(_groupIndex + 1);
            _next = 0;
            if (_group.Length > 0) return true;
        }
        return false;
    }

    public ref readonly Bar Current => ref _group[_next];

    private void LoadGroup(int index)
    {
        var previous = _group.Length > 0 ? _group[^1].Timestamp : DateTime.MinValue;
        _rowsBefore += _group.Length;
        _groupIndex = index;
        using var group = _reader.OpenRowGroupReader(index);
        var bars = _group.Length == group.RowCount ? _group : new Bar[group.RowCount]; // reuse: every full group has the same size
        ParquetBars.ReadGroup(group, _columns, bars, _rowsBefore, previous).GetAwaiter().GetResult();
        _group = bars;
    }

    public void Dispose() => _reader.DisposeAsync().AsTask().GetAwaiter().GetResult();
}
