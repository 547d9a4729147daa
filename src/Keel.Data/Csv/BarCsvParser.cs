using System.Runtime.CompilerServices;
using System.Text;
using Keel.Core.Domain;

namespace Keel.Data.Csv;

/// <summary>
/// The row loop behind <see cref="BarCsvReader"/>. Each row first goes through a single-pass fast path
/// that walks the bytes once, parsing every field in place; it accepts only clean, valid, in-order rows.
/// Anything else — a bad row, or unusual text such as padded or quoted fields — is re-read by the
/// general path, which splits the line into fields and either accepts the row or says exactly what is
/// wrong with it. One instance parses one file.
/// </summary>
internal sealed class BarCsvParser(string path, BarCsvOptions options, SourceClock clock)
{
    private static readonly byte[] Utf8Bom = [0xEF, 0xBB, 0xBF];

    private readonly List<BadRow> _skipped = [];
    private CsvHeader _header = null!;
    private ColumnRole[] _roles = [];
    private readonly double[] _values = new double[(int)ColumnRole.AdjClose + 1]; // the fast path's numbers, by role
    private Bar[] _bars = [];
    private int _count;
    private long _lastTicks = long.MinValue;
    private int _lastLine;
    private int _dataRows;

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

        // One bar per remaining line is an exact guess for clean files, so the array is rarely resized.
        var remaining = data[position..];
        var capacity = remaining.Count((byte)'\n') + (remaining.IsEmpty || remaining[^1] == (byte)'\n' ? 0 : 1);
        _bars = new Bar[capacity];

        ParseRows(data, position, lineNumber);

        if (_dataRows == 0)
            throw new BarDataException(path, 0, "the file has a header but no data rows");
        if (_count == 0)
        {
            var first = _skipped[0];
            throw new BarDataException(path, first.LineNumber, $"none of the {_dataRows} data rows could be read; the first problem: {first.Reason}");
        }
        if (_count != _bars.Length) Array.Resize(ref _bars, _count);
        return (_bars, _header.Layout, _skipped);
    }

    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private void ParseRows(ReadOnlySpan<byte> data, int position, int lineNumber)
    {
        // One slot more than the header needs, so a row with an extra field can still be described.
        Span<int> fieldStarts = stackalloc int[_header.FieldCount + 1];
        while (position < data.Length)
        {
            var consumed = TryAppendCleanRow(data[position..]);
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

    /// <summary>
    /// The fast path: parses the row at the start of <paramref name="text"/> in one pass and appends its
    /// bar. Returns the bytes used including the line break, or 0 when the row needs the general path.
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private int TryAppendCleanRow(ReadOnlySpan<byte> text)
    {
        var roles = _roles;
        var values = _values;
        TextTimestamp timestamp = default;
        long timeOfDay = 0;
        var i = 0;
        for (var column = 0; column < roles.Length; column++)
        {
            if (column > 0)
            {
                if ((uint)i >= (uint)text.Length || text[i] != (byte)',') return 0;
                i++;
            }
            var field = text[i..];
            int length;
            var ok = roles[column] switch
            {
                ColumnRole.Timestamp => Utf8Timestamp.TryParsePrefix(field, out timestamp, out length),
                ColumnRole.Time => Utf8Timestamp.TryParseTimePrefix(field, out timeOfDay, out length),
                ColumnRole.Ignore => SkipField(field, out length),
                var role => Utf8Number.TryParsePrefix(field, out values[(int)role], out length),
            };
            if (!ok) return 0;
            i += length;
        }
        if ((uint)i < (uint)text.Length && text[i] == (byte)'\r') i++;
        if ((uint)i < (uint)text.Length)
        {
            if (text[i] != (byte)'\n') return 0;
            i++;
        }

        double open = values[(int)ColumnRole.Open], high = values[(int)ColumnRole.High], low = values[(int)ColumnRole.Low];
        double close = values[(int)ColumnRole.Close], volume = values[(int)ColumnRole.Volume];
        if (options.UseAdjustedClose) ScaleToAdjustedClose(ref open, ref high, ref low, ref close, values[(int)ColumnRole.AdjClose]);
        var ticks = clock.ToUtcTicks(timestamp with { TimeOfDayTicks = timestamp.TimeOfDayTicks + timeOfDay });
        if (ticks <= _lastTicks || (ulong)ticks > (ulong)DateTime.MaxValue.Ticks || !IsValidBar(open, high, low, close, volume)) return 0;

        _bars[_count++] = new Bar(new DateTime(ticks, DateTimeKind.Utc), open, high, low, close, volume);
        _lastTicks = ticks;
        return i;
    }

    /// <summary>The same conditions as <see cref="Bar.Validate"/>, as plain comparisons for the fast path.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static bool IsValidBar(double open, double high, double low, double close, double volume) =>
        low > 0 && high >= low && open >= low && open <= high && close >= low && close <= high
        && double.IsFinite(high) && volume >= 0 && double.IsFinite(volume);

    /// <summary>Scaling all four by the same positive factor keeps their order, so a valid bar stays valid.</summary>
    private static void ScaleToAdjustedClose(ref double open, ref double high, ref double low, ref double close, double adjClose)
    {
        var factor = adjClose / close;
        open *= factor;
        high *= factor;
        low *= factor;
        close *= factor;
    }

    private static bool SkipField(ReadOnlySpan<byte> text, out int length)
    {
        length = text.IndexOfAny((byte)',', (byte)'\n', (byte)'\r');
        if (length < 0) length = text.Length;
        return true;
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
        var ticks = clock.ToUtcTicks(timestamp);
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
        if (options.UseAdjustedClose) ScaleToAdjustedClose(ref open, ref high, ref low, ref close, Number(fields, _header.AdjClose, ref error));
        var time = new DateTime(ticks, DateTimeKind.Utc);
        error ??= Bar.Validate(time, open, high, low, close, volume);
        if (error is not null)
        {
            Reject(lineNumber, error);
            return;
        }

        if (_count > 0 && ticks <= _lastTicks)
        {
            Reject(lineNumber, OrderReason(fields, time));
            return;
        }
        _bars[_count++] = new Bar(time, open, high, low, close, volume);
        _lastTicks = ticks;
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
        var previous = new DateTime(_lastTicks, DateTimeKind.Utc);
        if (time == previous)
            return $"duplicate timestamp '{TimestampText(fields)}' ({Iso(time)}): line {_lastLine} has the same time";
        var hint = _count == 1 ? " (is the file sorted newest first?)" : "";
        return $"timestamp '{TimestampText(fields)}' ({Iso(time)}) is earlier than {Iso(previous)} on line {_lastLine}; rows must be in increasing time order{hint}";
    }

    private string TimestampText(in Fields fields) =>
        _header.Time >= 0 ? $"{Text(fields[_header.Timestamp])} {Text(fields[_header.Time])}" : Text(fields[_header.Timestamp]);

    private string ColumnName(int column) => _header.Names[column].Length > 0 ? _header.Names[column] : "1 (unnamed)";

    private static string Iso(DateTime utc) =>
        utc.Ticks % TimeSpan.TicksPerSecond == 0 ? utc.ToString("yyyy-MM-dd'T'HH:mm:ss'Z'") : utc.ToString("O");

    private static string Text(ReadOnlySpan<byte> field) => Encoding.UTF8.GetString(field);

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
