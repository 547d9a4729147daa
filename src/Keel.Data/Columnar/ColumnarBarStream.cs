using System.IO.MemoryMappedFiles;
using Keel.Core.Domain;
using Keel.Core.MarketData;
using Keel.Data.Csv;
using Microsoft.Win32.SafeHandles;

namespace Keel.Data.Columnar;

/// <summary>
/// A series kept in the columnar cache (<see cref="ColumnarBarCache.TryOpenStream"/>), read forward a window of
/// rows at a time straight from the memory-mapped entry: a portfolio backtest over many long series holds one small
/// window of bars of each while the page cache serves the columns, and nothing is copied through a read, parsed or
/// decoded. The window is small enough that a universe's windows stay in the processor's last-level cache between a
/// symbol's bars. Each column is mapped <see cref="MappedRows"/> rows at a time, and unmapping them gives back the
/// pages read: what the process holds of a series stays under a megabyte however long it is (measured in bench/README.md).
/// Each window is checked at once by the rules the cache's whole read checks bar by bar (<see cref="BarColumns"/>);
/// a damaged entry is an error naming its source and bar.
/// </summary>
public sealed unsafe class ColumnarBarStream : IBarStream, IDisposable
{
    private const int WindowRows = 256;
    private const int MappedRows = 64 * WindowRows;
    private const int Columns = 6; // the times, then open, high, low, close, volume

    private readonly MemoryMappedFile _map;
    private readonly string _source;
    private readonly int _count;
    private readonly long _columnsStart;
    private readonly Bar[] _bars = new Bar[WindowRows];
    private readonly MappedView?[] _views = new MappedView?[Columns]; // each column's rows from _mappedStart
    private int _mappedStart;
    private int _mappedEnd = -1;
    private int _windowStart;
    private int _windowRows;
    private int _damagedAt = -1; // the window's first row that is not a bar, or -1
    private long _previousTicks; // the time of the bar before the window's first (-1 at the start)
    private int _next = -1;

    internal ColumnarBarStream(SafeFileHandle file, string source, Symbol symbol, int count, long columnsStart)
    {
        _map = MemoryMappedFile.CreateFromFile(file, mapName: null, capacity: 0, MemoryMappedFileAccess.Read, HandleInheritability.None, leaveOpen: false);
        _source = source;
        _count = count;
        _columnsStart = columnsStart;
        Symbol = symbol;
        try
        {
            // The first window, read once: its bars say the timeframe, and MoveNext starts on it.
            LoadWindow(0, previousTicks: -1);
            if (_damagedAt >= 0) throw Damaged(_damagedAt);
            Timeframe = TimeframeInference.TryInfer(_bars.AsSpan(0, _windowRows), out var timeframe, out var error) ? timeframe : throw new BarDataException(source, 0, error);
        }
        catch
        {
            Dispose();
            throw;
        }
    }

    public Symbol Symbol { get; }
    public Timeframe Timeframe { get; }

    public bool MoveNext()
    {
        if (++_next >= _windowRows)
        {
            if (_windowStart + _windowRows >= _count)
            {
                _next = _windowRows;
                return false;
            }
            LoadWindow(_windowStart + _windowRows, _bars[_windowRows - 1].Timestamp.Ticks);
            _next = 0;
        }
        // A damaged row is reported when the run reaches it, as a bar-by-bar read would.
        if (_next == _damagedAt) throw Damaged(_next);
        return true;
    }

    public ref readonly Bar Current => ref _bars[_next];

    private void LoadWindow(int start, long previousTicks)
    {
        if (start >= _mappedEnd) Remap(start);
        var rows = Math.Min(WindowRows, _count - start);
        _windowStart = start;
        _windowRows = rows;
        _damagedAt = BarColumns.ToBars(Column<long>(0), Column<double>(1), Column<double>(2), Column<double>(3), Column<double>(4), Column<double>(5),
            previousTicks, _bars);
        _previousTicks = previousTicks;
    }

    /// <summary>
    /// Views of the next rows of each column, no more: unmapping the last ones gives back the pages read through them,
    /// and a view as large as the entry would map whole huge pages of the page cache for each column it touches.
    /// </summary>
    private void Remap(int start)
    {
        ReleaseViews();
        var rows = Math.Min(MappedRows, _count - start);
        for (var column = 0; column < Columns; column++)
            _views[column] = new MappedView(_map, _columnsStart + ((long)column * _count + start) * sizeof(long), (long)rows * sizeof(long));
        _mappedStart = start;
        _mappedEnd = start + rows;
    }

    /// <summary>The window's rows of <paramref name="column"/>.</summary>
    private ReadOnlySpan<T> Column<T>(int column) where T : unmanaged =>
        new(_views[column]!.Start + (long)(_windowStart - _mappedStart) * sizeof(long), _windowRows);

    /// <summary>What is wrong with row <paramref name="i"/> of the window, named as the cache's whole read names it.</summary>
    private BarDataException Damaged(int i)
    {
        var ticks = Column<long>(0);
        var previous = i == 0 ? _previousTicks : ticks[i - 1];
        var problem = ColumnarBarCache.StoredBar(ticks[i], previous, Column<double>(1)[i], Column<double>(2)[i], Column<double>(3)[i], Column<double>(4)[i], Column<double>(5)[i], out _)
            ?? "its values changed while being read";
        return Damaged(_windowStart + i, problem);
    }

    private BarDataException Damaged(int row, string what) =>
        new(_source, 0, $"its columnar cache entry is damaged at bar {row + 1} ({what}); delete the cache folder (KEEL_CACHE_DIR) and run again");

    private void ReleaseViews()
    {
        foreach (var view in _views) view?.Dispose();
        Array.Clear(_views);
    }

    public void Dispose()
    {
        ReleaseViews();
        _map.Dispose();
    }
}
