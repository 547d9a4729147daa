using System.Runtime.InteropServices;
using Keel.Core.Domain;
using Keel.Core.MarketData;
using Keel.Data.Csv;
using Microsoft.Win32.SafeHandles;

namespace Keel.Data.Columnar;

/// <summary>
/// A series kept in the columnar cache (<see cref="ColumnarBarCache.TryOpenStream"/>), read forward a window of
/// rows at a time by positioned reads: a portfolio backtest over many long series holds one small window of each
/// while the page cache serves the columns, and nothing is parsed or decoded. The window is small enough that a
/// universe's windows stay in the processor's last-level cache between a symbol's bars (96 KB of columns and 96 KB
/// of bars a symbol), and large enough that the reads' system calls stay few (measured in bench/README.md).
/// Each window is checked at once by the rules the cache's whole read checks bar by bar (<see cref="BarColumns"/>);
/// a damaged entry is an error naming its source and bar.
/// </summary>
public sealed class ColumnarBarStream : IBarStream, IDisposable
{
    private const int WindowRows = 2048;

    private readonly SafeFileHandle _file;
    private readonly string _source;
    private readonly int _count;
    private readonly long _columnsStart;
    private readonly long[] _ticks = new long[WindowRows];
    private readonly double[][] _values = [new double[WindowRows], new double[WindowRows], new double[WindowRows], new double[WindowRows], new double[WindowRows]];
    private readonly Bar[] _bars = new Bar[WindowRows];
    private int _windowStart;
    private int _windowRows;
    private int _damagedAt = -1; // the window's first row that is not a bar, or -1
    private long _previousTicks; // the time of the bar before the window's first (-1 at the start)
    private int _next = -1;

    internal ColumnarBarStream(SafeFileHandle file, string source, Symbol symbol, int count, long columnsStart)
    {
        _file = file;
        _source = source;
        _count = count;
        _columnsStart = columnsStart;
        Symbol = symbol;
        // The first window, read once: its bars say the timeframe, and MoveNext starts on it.
        LoadWindow(0, previousTicks: -1);
        if (_damagedAt >= 0) throw Damaged(_damagedAt);
        Timeframe = TimeframeInference.TryInfer(_bars.AsSpan(0, _windowRows), out var timeframe, out var error) ? timeframe : throw new BarDataException(source, 0, error);
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
        var rows = Math.Min(WindowRows, _count - start);
        ReadColumn(0, start, MemoryMarshal.AsBytes(_ticks.AsSpan(0, rows)));
        for (var column = 0; column < _values.Length; column++) ReadColumn(column + 1, start, MemoryMarshal.AsBytes(_values[column].AsSpan(0, rows)));
        _windowStart = start;
        _windowRows = rows;
        _damagedAt = BarColumns.ToBars(_ticks.AsSpan(0, rows), _values[0].AsSpan(0, rows), _values[1].AsSpan(0, rows), _values[2].AsSpan(0, rows),
            _values[3].AsSpan(0, rows), _values[4].AsSpan(0, rows), previousTicks, _bars);
        _previousTicks = previousTicks;
    }

    /// <summary>What is wrong with row <paramref name="i"/> of the window, named as the cache's whole read names it.</summary>
    private BarDataException Damaged(int i)
    {
        var previous = i == 0 ? _previousTicks : _ticks[i - 1];
        var problem = ColumnarBarCache.StoredBar(_ticks[i], previous, _values[0][i], _values[1][i], _values[2][i], _values[3][i], _values[4][i], out _)
            ?? "its values changed while being read";
        return Damaged(_windowStart + i, problem);
    }

    private void ReadColumn(int column, int start, Span<byte> into)
    {
        var offset = _columnsStart + ((long)column * _count + start) * sizeof(long);
        while (!into.IsEmpty)
        {
            var read = RandomAccess.Read(_file, into, offset);
            if (read == 0) throw Damaged(start, "the cache entry ends early");
            into = into[read..];
            offset += read;
        }
    }

    private BarDataException Damaged(int row, string what) =>
        new(_source, 0, $"its columnar cache entry is damaged at bar {row + 1} ({what}); delete the cache folder (KEEL_CACHE_DIR) and run again");

    public void Dispose() => _file.Dispose();
}
