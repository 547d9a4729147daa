using System.Runtime.CompilerServices;
using Keel.Core.Domain;

namespace Keel.Data.Csv;

/// <summary>
/// The fast path of the CSV loader: parses a clean row in a single pass over its bytes and writes the
/// bar into a shared array from <c>start</c> onwards. It accepts only rows whose every field is in the
/// plain form, whose bar is valid and whose time follows the previous row's; for anything else it
/// returns 0 and the caller takes the general path, which knows how to explain problems.
/// </summary>
internal sealed class CleanRowParser(ColumnRole[] roles, bool useAdjustedClose, SourceClock clock, Bar[] bars, int start)
{
    private readonly double[] _values = new double[(int)ColumnRole.AdjClose + 1]; // this row's numbers, by role
    private readonly int _start = start;
    private int _next = start;

    /// <summary>How many bars this parser has written.</summary>
    public int Count => _next - _start;

    /// <summary>The UTC ticks of the last bar written, or <see cref="long.MinValue"/> before the first.</summary>
    public long LastTicks { get; private set; } = long.MinValue;

    public long FirstTicks => bars[_start].Timestamp.Ticks;

    /// <summary>Adds a bar that the general path has checked.</summary>
    public void Append(in Bar bar)
    {
        bars[_next++] = bar;
        LastTicks = bar.Timestamp.Ticks;
    }

    /// <summary>Parses every row of <paramref name="text"/>; false at the first row that is not clean.</summary>
    public bool TryAppendAll(ReadOnlySpan<byte> text)
    {
        for (var position = 0; position < text.Length;)
        {
            var consumed = TryAppend(text[position..]);
            if (consumed == 0) return false;
            position += consumed;
        }
        return true;
    }

    /// <summary>Parses the row at the start of <paramref name="text"/> and appends its bar; returns the bytes used including the line break, or 0.</summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public int TryAppend(ReadOnlySpan<byte> text)
    {
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
        if (useAdjustedClose) ScaleToAdjustedClose(ref open, ref high, ref low, ref close, values[(int)ColumnRole.AdjClose]);
        var ticks = clock.ToUtcTicks(timestamp with { TimeOfDayTicks = timestamp.TimeOfDayTicks + timeOfDay });
        if (ticks <= LastTicks || (ulong)ticks > (ulong)DateTime.MaxValue.Ticks || !IsValidBar(open, high, low, close, volume)) return 0;

        bars[_next++] = new Bar(new DateTime(ticks, DateTimeKind.Utc), open, high, low, close, volume);
        LastTicks = ticks;
        return i;
    }

    /// <summary>Scaling all four by the same positive factor keeps their order, so a valid bar stays valid.</summary>
    public static void ScaleToAdjustedClose(ref double open, ref double high, ref double low, ref double close, double adjClose)
    {
        var factor = adjClose / close;
        open *= factor;
        high *= factor;
        low *= factor;
        close *= factor;
    }

    /// <summary>The same conditions as <see cref="Bar.Validate"/>, as plain comparisons (NaN fails them all).</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static bool IsValidBar(double open, double high, double low, double close, double volume) =>
        low > 0 && high >= low && open >= low && open <= high && close >= low && close <= high
        && double.IsFinite(high) && volume >= 0 && double.IsFinite(volume);

    private static bool SkipField(ReadOnlySpan<byte> text, out int length)
    {
        length = text.IndexOfAny((byte)',', (byte)'\n', (byte)'\r');
        if (length < 0) length = text.Length;
        return true;
    }
}
