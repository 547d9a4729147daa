using System.Runtime.CompilerServices;

namespace Keel.Data.Csv;

/// <summary>
/// A timestamp as written in the file, before any time-zone conversion: the calendar date packed as
/// yyyymmdd, the time of day in ticks (0 for date-only text) and the explicit UTC offset, if any.
/// </summary>
internal readonly record struct TextTimestamp(int PackedDate, long TimeOfDayTicks, bool HasOffset, long OffsetTicks);

/// <summary>
/// Fixed-format timestamp parsing from UTF-8 bytes, without allocation or culture lookups. Accepts
/// dates as yyyy-MM-dd or yyyyMMdd, optionally followed by ' ' or 'T', H:mm or HH:mm[:ss[.fffffff]] and
/// an optional 'Z' or ±hh:mm / ±hhmm / ±hh offset.
/// </summary>
internal static class Utf8Timestamp
{
    public const string ExpectedFormats =
        "expected yyyy-MM-dd, yyyyMMdd, 'yyyy-MM-dd HH:mm:ss' or ISO-8601 like 2024-01-02T14:30:00Z";

    public const string ExpectedTimeFormats = "expected HH:mm or HH:mm:ss";

    /// <summary>Parses the whole of <paramref name="text"/> as a timestamp.</summary>
    public static bool TryParse(ReadOnlySpan<byte> text, out TextTimestamp timestamp) =>
        TryParsePrefix(text, out timestamp, out var length) && length == text.Length;

    /// <summary>Parses the whole of <paramref name="text"/> as a time of day (the Time column of Date,Time layouts).</summary>
    public static bool TryParseTime(ReadOnlySpan<byte> text, out long ticks) =>
        TryParseTimePrefix(text, out ticks, out var length) && length == text.Length;

    /// <summary>Parses the timestamp at the start of <paramref name="text"/>, stopping at the first byte that cannot continue it.</summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public static bool TryParsePrefix(ReadOnlySpan<byte> text, out TextTimestamp timestamp, out int length)
    {
        timestamp = default;
        length = 0;
        int year, month, day, i;
        if (text.Length >= 10 && text[4] == (byte)'-' && text[7] == (byte)'-')
        {
            if (!TryDigits(text, 0, 4, out year) || !TryDigits(text, 5, 2, out month) || !TryDigits(text, 8, 2, out day)) return false;
            i = 10;
        }
        else
        {
            if (!TryDigits(text, 0, 4, out year) || !TryDigits(text, 4, 2, out month) || !TryDigits(text, 6, 2, out day)) return false;
            i = 8;
        }
        if (year < 1 || month < 1 || month > 12 || day < 1 || (day > 28 && day > DateTime.DaysInMonth(year, month))) return false;
        var packedDate = year * 10_000 + month * 100 + day;

        long timeTicks = 0;
        var hasOffset = false;
        long offsetTicks = 0;
        if (i < text.Length && text[i] is (byte)' ' or (byte)'T')
        {
            if (!TryParseTimePrefix(text[(i + 1)..], out timeTicks, out var timeLength)) return false;
            i += 1 + timeLength;
            if (i < text.Length && (text[i] | 0x20) == (byte)'z')
            {
                hasOffset = true;
                i++;
            }
            else if (i < text.Length && text[i] is (byte)'+' or (byte)'-')
            {
                if (!TryParseOffsetPrefix(text[i..], out offsetTicks, out var offsetLength)) return false;
                hasOffset = true;
                i += offsetLength;
            }
        }
        timestamp = new TextTimestamp(packedDate, timeTicks, hasOffset, offsetTicks);
        length = i;
        return true;
    }

    /// <summary>H:mm or HH:mm, optionally :ss and a fraction of a second.</summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public static bool TryParseTimePrefix(ReadOnlySpan<byte> text, out long ticks, out int length)
    {
        ticks = 0;
        length = 0;
        var hourDigits = text.Length > 1 && text[1] == (byte)':' ? 1 : 2;
        if (!TryDigits(text, 0, hourDigits, out var hour) || text.Length < hourDigits + 3 || text[hourDigits] != (byte)':'
            || !TryDigits(text, hourDigits + 1, 2, out var minute))
            return false;
        var i = hourDigits + 3;
        var second = 0;
        long fraction = 0;
        if (i < text.Length && text[i] == (byte)':')
        {
            if (!TryDigits(text, i + 1, 2, out second)) return false;
            i += 3;
            if (i < text.Length && text[i] == (byte)'.')
            {
                var scale = TimeSpan.TicksPerSecond;
                var firstDigit = ++i;
                for (uint digit; i < text.Length && (digit = (uint)(text[i] - '0')) <= 9; i++)
                {
                    if (scale > 1)
                    {
                        scale /= 10;
                        fraction += digit * scale;
                    }
                }
                if (i == firstDigit) return false;
            }
        }
        if (hour > 23 || minute > 59 || second > 59) return false;
        ticks = hour * TimeSpan.TicksPerHour + minute * TimeSpan.TicksPerMinute + second * TimeSpan.TicksPerSecond + fraction;
        length = i;
        return true;
    }

    /// <summary>±hh:mm, ±hhmm or ±hh.</summary>
    private static bool TryParseOffsetPrefix(ReadOnlySpan<byte> text, out long offsetTicks, out int length)
    {
        offsetTicks = 0;
        length = 0;
        if (!TryDigits(text, 1, 2, out var hours)) return false;
        var minutes = 0;
        length = 3;
        if (text.Length > 3 && text[3] == (byte)':')
        {
            if (!TryDigits(text, 4, 2, out minutes)) return false;
            length = 6;
        }
        else if (TryDigits(text, 3, 2, out minutes))
        {
            length = 5;
        }
        if (hours > 14 || minutes > 59) return false;
        offsetTicks = (hours * TimeSpan.TicksPerHour + minutes * TimeSpan.TicksPerMinute) * (text[0] == (byte)'-' ? -1 : 1);
        return true;
    }

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static bool TryDigits(ReadOnlySpan<byte> text, int start, int count, out int value)
    {
        value = 0;
        if ((uint)(start + count) > (uint)text.Length) return false;
        for (var i = start; i < start + count; i++)
        {
            var digit = (uint)(text[i] - '0');
            if (digit > 9) return false;
            value = value * 10 + (int)digit;
        }
        return true;
    }
}
