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

    private static void Append(Span<byte> row, ref int written, DateTime timestamp)
    {
        var format = timestamp.Ticks % TimeSpan.TicksPerSecond == 0 ? "yyyy-MM-dd'T'HH:mm:ss'Z'" : "yyyy-MM-dd'T'HH:mm:ss.fffffff'Z'";
        timestamp.TryFormat(row[written..], out var count, format, CultureInfo.InvariantCulture);
        written += count;
        row[written++] = (byte)',';
    }

    private static void Append(Span<byte> row, ref int written, double value)
    {
        value.TryFormat(row[written..], out var count, "R", CultureInfo.InvariantCulture);
        written += count;
        row[written++] = (byte)',';
    }
}
