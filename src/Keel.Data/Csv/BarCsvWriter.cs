using System.Globalization;
using System.Text;
using Keel.Core.Domain;

namespace Keel.Data.Csv;

/// <summary>
/// Writes bars in Keel's canonical CSV: <c>timestamp,open,high,low,close,volume</c>, timestamps as
/// <c>yyyy-MM-ddTHH:mm:ssZ</c> (with a fraction only for sub-second times), numbers in invariant
/// round-trip ("R") form, '\n' line endings. Reading the file back gives exactly the same bars.
/// </summary>
public static class BarCsvWriter
{
    public const string Header = "timestamp,open,high,low,close,volume";

    /// <summary>Writes <paramref name="series"/> to <paramref name="path"/>, atomically replacing any existing file.</summary>
    public static void Write(string path, BarSeries series)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(path);
        ArgumentNullException.ThrowIfNull(series);
        AtomicFile.Write(path, stream => WriteTo(stream, series));
    }

    internal static void WriteTo(Stream stream, BarSeries series)
    {
        const int MaxRowBytes = 256;
        var buffer = new byte[1 << 16];
        var length = Encoding.ASCII.GetBytes(Header + "\n", buffer);
        foreach (ref readonly var bar in series.Span)
        {
            if (buffer.Length - length < MaxRowBytes)
            {
                stream.Write(buffer, 0, length);
                length = 0;
            }
            var row = buffer.AsSpan(length);
            var written = 0;
            Append(row, ref written, bar.Timestamp);
            Append(row, ref written, bar.Open);
            Append(row, ref written, bar.High);
            Append(row, ref written, bar.Low);
            Append(row, ref written, bar.Close);
            Append(row, ref written, bar.Volume);
            row[written - 1] = (byte)'\n'; // replaces the comma after the last field
            length += written;
        }
        stream.Write(buffer, 0, length);
    }

    /// <summary>Digit by digit: a custom DateTime format string costs several times more per row.</summary>
    private static void Append(Span<byte> row, ref int written, DateTime timestamp)
    {
        if (timestamp.Ticks % TimeSpan.TicksPerSecond != 0)
        {
            timestamp.TryFormat(row[written..], out var count, "yyyy-MM-dd'T'HH:mm:ss.fffffff'Z'", CultureInfo.InvariantCulture);
            written += count;
        }
        else
        {
            var (date, time) = timestamp;
            var text = row[written..];
            Digits(text, 0, date.Year, 4);
            text[4] = (byte)'-';
            Digits(text, 5, date.Month, 2);
            text[7] = (byte)'-';
            Digits(text, 8, date.Day, 2);
            text[10] = (byte)'T';
            Digits(text, 11, time.Hour, 2);
            text[13] = (byte)':';
            Digits(text, 14, time.Minute, 2);
            text[16] = (byte)':';
            Digits(text, 17, time.Second, 2);
            text[19] = (byte)'Z';
            written += 20;
        }
        row[written++] = (byte)',';
    }

    private static void Digits(Span<byte> text, int start, int value, int count)
    {
        for (var i = start + count - 1; i >= start; i--, value /= 10) text[i] = (byte)('0' + value % 10);
    }

    private static void Append(Span<byte> row, ref int written, double value)
    {
        value.TryFormat(row[written..], out var count, "R", CultureInfo.InvariantCulture);
        written += count;
        row[written++] = (byte)',';
    }
}
