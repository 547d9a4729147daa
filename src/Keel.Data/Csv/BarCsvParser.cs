using System.Runtime.CompilerServices;
using System.Text;
using Keel.Core.Domain;
using Keel.Data.Memory;

namespace Keel.Data.Csv;

/// <summary>
/// The row loop behind <see cref="BarCsvReader"/>. Each row first goes through the single-pass fast
/// path (<see cref="CleanRowParser"/>), which accepts only clean, valid, in-order rows. Anything else —
/// a bad row, or unusual text such as padded or quoted fields — is re-read by the general path here,
/// which splits the line into fields and either accepts the row or says exactly what is wrong with it.
/// Large files are first tried in parallel chunks, one per core, with the fast path alone; if any chunk
/// meets a row it cannot take, the whole file is parsed again in order, so problems are reported
/// exactly as a sequential read would report them. One instance parses one file.
/// </summary>
internal sealed class BarCsvParser(string path, BarCsvOptions options, TimeZoneInfo sourceZone)
{
    /// <summary>Below this size, splitting into chunks costs more than it saves.</summary>
    private const int ParallelThreshold = 1 << 20;

    private static readonly byte[] Utf8Bom = [0xEF, 0xBB, 0xBF];

    private readonly List<BadRow> _skipped = [];
    private readonly SourceClock _clock = new(sourceZone);
    private CsvHeader _header = null!;
    private ColumnRole[] _roles = [];
    private CleanRowParser _rows = null!;
    private Bar[] _bars = [];
    private int _lastLine;
    private int _dataRows;

    /// <summary>True when the first data row's timestamp carries its own offset (Z, +01:00): a stated zone would be ignored.</summary>
    public bool FirstTimestampHadOffset { get; private set; }

    private bool FirstTimestampHasOffset(ReadOnlySpan<byte> body)
    {
        var end = body.IndexOf((byte)'\n');
        var line = (end < 0 ? body : body[..end]).TrimEnd((byte)'\r');
        for (var i = 0; i < _header.Timestamp && line.Length > 0; i++)
        {
            var comma = line.IndexOf((byte)',');
            line = comma < 0 ? [] : line[(comma + 1)..];
        }
        var stop = line.IndexOf((byte)',');
        var field = (stop < 0 ? line : line[..stop]).Trim((byte)' ').Trim((byte)'"');
        return Utf8Timestamp.TryParse(field, out var timestamp) && timestamp.HasOffset;
    }

    public (Bar[] Bars, CsvLayout Layout, IReadOnlyList<BadRow> Skipped) Parse(ReadOnlySpan<byte> data)
    {
        if (data.StartsWith(Utf8Bom)) data = data[Utf8Bom.Length..];

        var position = 0;
        var lineNumber = 0;
        var headerLine = ReadLine(data, ref position, ref lineNumber);
        while (IsBlank(headerLine) && position < data.Length) headerLine = ReadLine(data, ref position, ref lineNumber);
        if (IsBlank(headerLine))
            throw new BarDataException(path, 0, "the file is empty; expected a header line such as 'timestamp,open,high,low,close,volume' followed by bars");

        _header = CsvHeader.TryRecognise(headerLine, out var headerError) ?? throw new BarDataException(path, lineNumber, headerError);
        _roles = _header.Roles();
        if (options.UseAdjustedClose && _header.AdjClose < 0)
            throw new BarDataException(path, lineNumber, $"UseAdjustedClose needs an 'Adj Close' column, but the header is '{string.Join(',', _header.Names)}'");

        var body = data[position..];
        FirstTimestampHadOffset = FirstTimestampHasOffset(body);
        if (body.Length >= ParallelThreshold && Environment.ProcessorCount > 1 && TryParseCleanChunksInParallel(body))
            return (_bars, _header.Layout, _skipped);

        // One bar per remaining line is an exact guess for clean files, so the array is rarely resized.
        _bars = new Bar[LineCount(body)];
        _rows = new CleanRowParser(_roles, options.UseAdjustedClose, _clock, _bars, 0);
        ParseRows(data, position, lineNumber);

        if (_dataRows == 0)
            throw new BarDataException(path, 0, "the file has a header but no data rows");
        if (_rows.Count == 0)
        {
            var first = _skipped[0];
            throw new BarDataException(path, first.LineNumber, $"none of the {_dataRows} data rows could be read; the first problem: {first.Reason}");
        }
        if (_rows.Count != _bars.Length) Array.Resize(ref _bars, _rows.Count);
        return (_bars, _header.Layout, _skipped);
    }

    /// <summary>
    /// Splits the rows at line breaks into one chunk per core and parses the chunks at once with the fast
    /// path, each into its own stretch of the bar array. Succeeds only when every row of every chunk is
    /// clean and each chunk starts after the previous one ends; otherwise the caller parses in order.
    /// </summary>
    private unsafe bool TryParseCleanChunksInParallel(ReadOnlySpan<byte> body)
    {
        var chunkCount = Math.Min(Environment.ProcessorCount, 8);
        var starts = new int[chunkCount];
        var ends = new int[chunkCount];
        for (var k = 0; k < chunkCount; k++)
        {
            starts[k] = k == 0 ? 0 : ends[k - 1];
            var guess = Math.Max(starts[k], (int)((long)body.Length * (k + 1) / chunkCount) - 1);
            var newline = k == chunkCount - 1 ? -1 : body[guess..].IndexOf((byte)'\n');
            ends[k] = newline < 0 ? body.Length : guess + newline + 1;
        }

        var firstBar = new int[chunkCount + 1];
        for (var k = 0; k < chunkCount; k++) firstBar[k + 1] = firstBar[k] + LineCount(body[starts[k]..ends[k]]);
        // Not zeroed first: when every chunk is clean, each slot has been written; otherwise the array is dropped. So each
        // core touches only its own chunk's fresh pages (the main cost of a large array, see LargeArrays), and no page twice.
        var bars = LargeArrays.Uninitialized<Bar>(firstBar[chunkCount]);
        var chunks = new CleanRowParser[chunkCount];
        for (var k = 0; k < chunkCount; k++)
            chunks[k] = new CleanRowParser(_roles, options.UseAdjustedClose, new SourceClock(sourceZone), bars, firstBar[k]);

        var clean = new bool[chunkCount];
        fixed (byte* pointer = body)
        {
            var address = (nint)pointer; // a span cannot be captured by the worker lambda; its address can
            Parallel.For(0, chunkCount, k =>
                clean[k] = chunks[k].TryAppendAll(new ReadOnlySpan<byte>((byte*)address + starts[k], ends[k] - starts[k])));
        }
        for (var k = 0; k < chunkCount; k++)
        {
            if (!clean[k]) return false;
            if (k > 0 && chunks[k].Count > 0 && chunks[k - 1].Count > 0 && chunks[k].FirstTicks <= chunks[k - 1].LastTicks) return false;
        }
        _bars = bars;
        return bars.Length > 0;
    }

    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private void ParseRows(ReadOnlySpan<byte> data, int position, int lineNumber)
    {
        // One slot more than the header needs, so a row with an extra field can still be described.
        Span<int> fieldStarts = stackalloc int[_header.FieldCount + 1];
        while (position < data.Length)
        {
            var consumed = _rows.TryAppend(data[position..]);
            if (consumed > 0)
            {
                position += consumed;
                _lastLine = ++lineNumber;
                _dataRows++;
                continue;
            }
            var line = ReadLine(data, ref position, ref lineNumber);
            if (IsBlank(line)) continue;
            _dataRows++;
            ParseRow(line, lineNumber, fieldStarts);
        }
    }

    /// <summary>The general path: splits the line into fields and accepts the row or rejects it with the reason.</summary>
    private void ParseRow(ReadOnlySpan<byte> line, int lineNumber, Span<int> fieldStarts)
    {
        var fieldCount = 1;
        fieldStarts[0] = 0;
        for (int offset = 0, comma; (comma = line[offset..].IndexOf((byte)',')) >= 0; fieldCount++)
        {
            offset += comma + 1;
            if (fieldCount < fieldStarts.Length) fieldStarts[fieldCount] = offset;
        }
        var fields = new Fields(line, fieldStarts, fieldCount);
        if (fieldCount != _header.FieldCount)
        {
            Reject(lineNumber, FieldCountReason(fields));
            return;
        }

        if (!Utf8Timestamp.TryParse(fields[_header.Timestamp], out var timestamp))
        {
            Reject(lineNumber, $"unparsable timestamp '{Text(fields[_header.Timestamp])}' in column {ColumnName(_header.Timestamp)} ({Utf8Timestamp.ExpectedFormats})");
            return;
        }
        if (_header.Time >= 0)
        {
            if (!Utf8Timestamp.TryParseTime(fields[_header.Time], out var timeOfDay))
            {
                Reject(lineNumber, $"unparsable time '{Text(fields[_header.Time])}' in column {ColumnName(_header.Time)} ({Utf8Timestamp.ExpectedTimeFormats})");
                return;
            }
            timestamp = timestamp with { TimeOfDayTicks = timestamp.TimeOfDayTicks + timeOfDay };
        }
        var ticks = _clock.ToUtcTicks(timestamp);
        if (ticks < 0 || ticks > DateTime.MaxValue.Ticks)
        {
            Reject(lineNumber, $"timestamp '{TimestampText(fields)}' is outside the range of dates");
            return;
        }

        string? error = null;
        var open = Number(fields, _header.Open, ref error);
        var high = Number(fields, _header.High, ref error);
        var low = Number(fields, _header.Low, ref error);
        var close = Number(fields, _header.Close, ref error);
        var volume = Number(fields, _header.Volume, ref error);
        if (options.UseAdjustedClose)
            CleanRowParser.ScaleToAdjustedClose(ref open, ref high, ref low, ref close, Number(fields, _header.AdjClose, ref error));
        var time = new DateTime(ticks, DateTimeKind.Utc);
        error ??= Bar.Validate(time, open, high, low, close, volume);
        if (error is not null)
        {
            Reject(lineNumber, error);
            return;
        }

        if (ticks <= _rows.LastTicks)
        {
            Reject(lineNumber, OrderReason(fields, time));
            return;
        }
        _rows.Append(new Bar(time, open, high, low, close, volume));
        _lastLine = lineNumber;
    }

    private double Number(in Fields fields, int column, ref string? error)
    {
        var text = fields[column];
        if (Utf8Number.TryParse(text, out var value)) return value;
        error ??= $"unparsable number '{Text(text)}' in column {ColumnName(column)}";
        return double.NaN;
    }

    private void Reject(int lineNumber, string reason)
    {
        if (!options.SkipBadRows) throw new BarDataException(path, lineNumber, reason);
        _skipped.Add(new BadRow(lineNumber, reason));
    }

    private string FieldCountReason(in Fields fields)
    {
        var reason = $"expected {_header.FieldCount} fields as in the header but found {fields.Count}";
        if (fields.Count == _header.FieldCount + 1 && _header.Time < 0 && Utf8Timestamp.TryParseTime(fields[1], out _))
            reason += $"; field 2 '{Text(fields[1])}' looks like a time of day, so the header may be missing a Time column";
        return reason;
    }

    private string OrderReason(in Fields fields, DateTime time)
    {
        var previous = new DateTime(_rows.LastTicks, DateTimeKind.Utc);
        if (time == previous)
            return $"duplicate timestamp '{TimestampText(fields)}' ({Iso(time)}): line {_lastLine} has the same time";
        var hint = _rows.Count == 1 ? " (is the file sorted newest first?)" : "";
        return $"timestamp '{TimestampText(fields)}' ({Iso(time)}) is earlier than {Iso(previous)} on line {_lastLine}; rows must be in increasing time order{hint}";
    }

    private string TimestampText(in Fields fields) =>
        _header.Time >= 0 ? $"{Text(fields[_header.Timestamp])} {Text(fields[_header.Time])}" : Text(fields[_header.Timestamp]);

    private string ColumnName(int column) => _header.Names[column].Length > 0 ? _header.Names[column] : "1 (unnamed)";

    private static string Iso(DateTime utc) =>
        utc.Ticks % TimeSpan.TicksPerSecond == 0 ? utc.ToString("yyyy-MM-dd'T'HH:mm:ss'Z'") : utc.ToString("O");

    private static string Text(ReadOnlySpan<byte> field) => Encoding.UTF8.GetString(field);

    /// <summary>Lines in <paramref name="text"/>, counting a last line without a line break.</summary>
    private static int LineCount(ReadOnlySpan<byte> text) =>
        text.Count((byte)'\n') + (text.IsEmpty || text[^1] == (byte)'\n' ? 0 : 1);

    private static ReadOnlySpan<byte> ReadLine(ReadOnlySpan<byte> data, ref int position, ref int lineNumber)
    {
        lineNumber++;
        var rest = data[position..];
        var newline = rest.IndexOf((byte)'\n');
        var line = newline < 0 ? rest : rest[..newline];
        position += newline < 0 ? rest.Length : newline + 1;
        return line.Length > 0 && line[^1] == (byte)'\r' ? line[..^1] : line;
    }

    private static bool IsBlank(ReadOnlySpan<byte> line) =>
        line.IsEmpty || (line[0] is (byte)' ' or (byte)'\t' && line.Trim((byte)' ').Trim((byte)'\t').IsEmpty);

    /// <summary>The fields of one line, found by their start offsets; surrounding spaces and quotes are trimmed.</summary>
    private readonly ref struct Fields(ReadOnlySpan<byte> line, ReadOnlySpan<int> starts, int count)
    {
        private readonly ReadOnlySpan<byte> _line = line;
        private readonly ReadOnlySpan<int> _starts = starts;

        public int Count { get; } = count;

        public ReadOnlySpan<byte> this[int index]
        {
            get
            {
                var start = _starts[index];
                var end = index + 1 < Count ? _starts[index + 1] - 1 : _line.Length;
                var field = _line[start..end];
                if (field.Length > 0 && (field[0] is (byte)' ' or (byte)'"' || field[^1] is (byte)' ' or (byte)'"'))
                    field = field.Trim((byte)' ').Trim((byte)'"').Trim((byte)' ');
                return field;
            }
        }
    }
}
