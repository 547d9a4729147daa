using System.Runtime.CompilerServices;

namespace Keel.Data.Csv;

/// <summary>
/// A timestamp as written in the file, before any time-zone conversion: the calendar date packed as
/// yyyymmdd, the time of day in ticks (0 for date-only text) and the explicit UTC offset, if any.
/// </summary>
internal readonly record struct TextTimestamp(int PackedDate, long TimeOfDayTicks, long? OffsetTicks);

/// <summary>
/// Fixed-format timestamp parsing from UTF-8 bytes, without allocation or culture lookups. Accepts
/// dates as yyyy-MM-dd or yyyyMMdd, optionally followed by ' ' or 'T', HH:mm[:ss[.fffffff]] and an
/// optional 'Z' or ±hh:mm / ±hhmm / ±hh offset.
/// </summary>
internal static class Utf8Timestamp
{
    public const string ExpectedFormats =
        "expected yyyy-MM-dd, yyyyMMdd, 'yyyy-MM-dd HH:mm:ss' or ISO-8601 like 2024-01-02T14:30:00Z";

    public const string ExpectedTimeFormats = "expected HH:mm or HH:mm:ss";

    public static bool TryParse(ReadOnlySpan<byte> text, out TextTimestamp timestamp)
    {
        timestamp = default;
        int year, month, day, consumed;
        if (text.Length >= 10 && text[4] == (byte)'-' && text[7] == (byte)'-')
        {
            if (!TryDigits(text, 0, 4, out year) || !TryDigits(text, 5, 2, out month) || !TryDigits(text, 8, 2, out day)) return false;
            consumed = 10;
        }
        else if (text.Length >= 8)
        {
            if (!TryDigits(text, 0, 4, out year) || !TryDigits(text, 4, 2, out month) || !TryDigits(text, 6, 2, out day)) return false;
            consumed = 8;
        }
        else
        {
            return false;
        }
        if (year < 1 || month < 1 || month > 12 || day < 1 || day > DateTime.DaysInMonth(year, month)) return false;

        var packedDate = year * 10_000 + month * 100 + day;
        if (consumed == text.Length)
        {
            timestamp = new TextTimestamp(packedDate, 0, null);
            return true;
        }
        if (text[consumed] is not ((byte)' ' or (byte)'T')) return false;

        var rest = text[(consumed + 1)..];
        if (!TryParseTimeOfDay(rest, out var timeTicks, out var timeLength)) return false;
        rest = rest[timeLength..];
        long? offset = null;
        if (rest.Length > 0)
        {
            if (!TryParseOffset(rest, out var offsetTicks)) return false;
            offset = offsetTicks;
        }
        timestamp = new TextTimestamp(packedDate, timeTicks, offset);
        return true;
    }

    /// <summary>A whole field holding only a time of day (the Time column of Date,Time layouts).</summary>
    public static bool TryParseTime(ReadOnlySpan<byte> text, out long ticks) =>
        TryParseTimeOfDay(text, out ticks, out var length) && length == text.Length;

    /// <summary>H:mm or HH:mm, optionally :ss and a fraction of a second; stops at the first other byte.</summary>
    private static bool TryParseTimeOfDay(ReadOnlySpan<byte> text, out long ticks, out int consumed)
    {
        ticks = 0;
        consumed = 0;
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
                var start = ++i;
                for (uint digit; i < text.Length && (digit = (uint)(text[i] - '0')) <= 9; i++)
                {
                    if (scale > 1)
                    {
                        scale /= 10;
                        fraction += digit * scale;
                    }
                }
                if (i == start) return false;
            }
        }
        if (hour > 23 || minute > 59 || second > 59) return false;
        ticks = hour * TimeSpan.TicksPerHour + minute * TimeSpan.TicksPerMinute + second * TimeSpan.TicksPerSecond + fraction;
        consumed = i;
        return true;
    }

    /// <summary>Z, ±hh:mm, ±hhmm or ±hh, filling the whole remaining text.</summary>
    private static bool TryParseOffset(ReadOnlySpan<byte> text, out long offsetTicks)
    {
        offsetTicks = 0;
        if (text.Length == 1 && (text[0] | 0x20) == (byte)'z') return true;
        if (text[0] is not ((byte)'+' or (byte)'-') || !TryDigits(text, 1, 2, out var hours)) return false;
        var minutes = 0;
        var ok = text.Length switch
        {
            3 => true,
            5 => TryDigits(text, 3, 2, out minutes),
            6 => text[3] == (byte)':' && TryDigits(text, 4, 2, out minutes),
            _ => false,
        };
        if (!ok || hours > 14 || minutes > 59) return false;
        offsetTicks = (hours * TimeSpan.TicksPerHour + minutes * TimeSpan.TicksPerMinute) * (text[0] == (byte)'-' ? -1 : 1);
        return true;
    }

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static bool TryDigits(ReadOnlySpan<byte> text, int start, int count, out int value)
    {
        value = 0;
        if (start + count > text.Length) return false;
        for (var i = start; i < start + count; i++)
        {
            var digit = (uint)(text[i] - '0');
            if (digit > 9) return false;
            value = value * 10 + (int)digit;
        }
        return true;
    }
}
