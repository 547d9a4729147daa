using System.Runtime.InteropServices;
using System.Security.Cryptography;
using System.Text;
using Keel.Core.Domain;
using Microsoft.Win32.SafeHandles;
using Keel.Data.Csv;
using Keel.Data.Memory;

namespace Keel.Data.Columnar;

/// <summary>
/// Parsed bars of large CSV and Parquet files kept as raw columns (UTC ticks, then open, high, low, close, volume as
/// doubles) in one file per source, read back through a memory map, or a window at a time by a
/// <see cref="ColumnarBarStream"/>: a second run of the same file copies columns instead of parsing text or
/// decoding Parquet. What the parse depends on names the entry (the file's full path, the
/// source time zone, the adjusted-close switch); the file's size and last-write time, kept in the entry,
/// say whether it still holds: any change to the file is a miss, the file is parsed again and the entry
/// replaced.
/// </summary>
/// <remarks>
/// Why size and last-write time rather than a hash of the contents: hashing means reading every byte of
/// the text on every run, which for a file not in the page cache costs as much as the disk read the cache
/// exists to avoid; a stat costs nothing. What it cannot see is an edit that keeps both the size and the
/// time stamp. Time stamps are coarse (a few milliseconds on Linux), so a file written twice within one
/// tick could look unchanged; as git does for its index ("racy clean"), an entry is only written for a file
/// last modified more than <see cref="SettleTime"/> before, so no entry can describe a file still being written.
/// Only clean files are kept (no skipped rows): an entry never has to repeat a report.
/// </remarks>
public sealed class ColumnarBarCache
{
    /// <summary>Smaller files parse faster than the cache could be checked and read.</summary>
    public const long DefaultMinimumBytes = 1 << 20;

    private static readonly TimeSpan SettleTime = TimeSpan.FromSeconds(2);
    private static readonly long Magic = BitConverter.ToInt64("KEELBAR1"u8);
    private const int FormatVersion = 1;
    private const int HeaderBytes = 64;

    private readonly long _minimumBytes;
    private readonly TimeProvider _time;

    public ColumnarBarCache(string directory, long minimumBytes = DefaultMinimumBytes, TimeProvider? time = null)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(directory);
        Directory = directory;
        _minimumBytes = minimumBytes;
        _time = time ?? TimeProvider.System;
    }

    public string Directory { get; }

    /// <summary>
    /// The user's cache: <c>$KEEL_CACHE_DIR</c>, else <c>$XDG_CACHE_HOME/keel/bars</c>, else
    /// <c>~/.cache/keel/bars</c>; null (no cache) when <c>KEEL_CACHE_DIR=off</c> or there is no home.
    /// </summary>
    public static ColumnarBarCache? FromEnvironment()
    {
        var configured = Environment.GetEnvironmentVariable("KEEL_CACHE_DIR");
        if (string.Equals(configured, "off", StringComparison.OrdinalIgnoreCase)) return null;
        if (!string.IsNullOrWhiteSpace(configured)) return new ColumnarBarCache(configured);
        var xdg = Environment.GetEnvironmentVariable("XDG_CACHE_HOME");
        if (!string.IsNullOrWhiteSpace(xdg)) return new ColumnarBarCache(Path.Combine(xdg, "keel", "bars"));
        var home = Environment.GetFolderPath(Environment.SpecialFolder.UserProfile);
        return string.IsNullOrWhiteSpace(home) ? null : new ColumnarBarCache(Path.Combine(home, ".cache", "keel", "bars"));
    }

    /// <summary>The bars and layout cached for this source, or null when there is no valid entry.</summary>
    internal (Bar[] Bars, CsvLayout Layout)? TryRead(string sourcePath, TimeZoneInfo zone, bool adjustedClose)
    {
        if (Entry(sourcePath, zone, adjustedClose) is not var (source, entry, key)) return null;
        try
        {
            using var file = new MappedFile(entry);
            return Decode(file.Span, key, source.Length, source.LastWriteTimeUtc.Ticks);
        }
        catch (IOException) { return null; } // replaced or removed under us: parse instead
        catch (UnauthorizedAccessException) { return null; }
    }

    /// <summary>
    /// The bars cached for this source as a stream read a window at a time (memory for one window, whatever
    /// the length of the series), or null when there is no valid entry.
    /// </summary>
    public ColumnarBarStream? TryOpenStream(string sourcePath, Symbol symbol, TimeZoneInfo zone, bool adjustedClose = false)
    {
        if (Entry(sourcePath, zone, adjustedClose) is not var (source, entry, key)) return null;
        SafeFileHandle? file = null;
        ColumnarBarStream? stream = null;
        try
        {
            file = File.OpenHandle(entry);
            Span<byte> header = stackalloc byte[HeaderBytes];
            if (RandomAccess.Read(file, header, 0) != HeaderBytes) return null;
            var keyLength = MemoryMarshal.Cast<byte, long>(header)[6];
            if (keyLength < 0 || keyLength > 1 << 16) return null;
            var headerAndKey = new byte[HeaderBytes + keyLength];
            if (RandomAccess.Read(file, headerAndKey, 0) != headerAndKey.Length) return null;
            if (Check(headerAndKey, RandomAccess.GetLength(file), key, source.Length, source.LastWriteTimeUtc.Ticks) is not { } layout) return null;
            return stream = new ColumnarBarStream(file, sourcePath, symbol, layout.Count, layout.ColumnsStart);
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            return null; // replaced or removed under us: load instead
        }
        finally
        {
            if (stream is null) file?.Dispose(); // the stream owns the handle it was given
        }
    }

    /// <summary>The source's file, its entry's path and key, when the source is large enough to cache and its entry exists.</summary>
    private (FileInfo Source, string Entry, string Key)? Entry(string sourcePath, TimeZoneInfo zone, bool adjustedClose)
    {
        var source = ResolvedFile.Of(sourcePath);
        if (!source.Exists || source.Length < _minimumBytes) return null;
        var entry = EntryPath(source.FullName, zone, adjustedClose);
        return File.Exists(entry) ? (source, entry, Key(source.FullName, zone, adjustedClose)) : null;
    }

    /// <summary>Keeps <paramref name="bars"/> for this source. A cache that cannot be written is skipped: it never fails a load.</summary>
    internal void TryWrite(string sourcePath, TimeZoneInfo zone, bool adjustedClose, ReadOnlySpan<Bar> bars, CsvLayout layout)
    {
        var source = ResolvedFile.Of(sourcePath);
        if (!source.Exists || source.Length < _minimumBytes) return;
        if (source.LastWriteTimeUtc > _time.GetUtcNow().UtcDateTime - SettleTime) return;
        var entry = EntryPath(source.FullName, zone, adjustedClose);
        var temporary = $"{entry}.{Guid.NewGuid():N}.tmp";
        try
        {
            System.IO.Directory.CreateDirectory(Directory);
            // Renamed into place whole, so a reader never maps half an entry; not flushed to disk (unlike the
            // bar store's files): an entry lost or torn by a crash fails its checks and is simply rebuilt.
            using (var stream = new FileStream(temporary, FileMode.CreateNew, FileAccess.Write, FileShare.None, bufferSize: 1 << 16))
                WriteEntry(stream, Key(source.FullName, zone, adjustedClose), source.Length, source.LastWriteTimeUtc.Ticks, bars, layout);
            File.Move(temporary, entry, overwrite: true);
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            try { File.Delete(temporary); } catch (IOException) { } catch (UnauthorizedAccessException) { }
        }
    }

    private string EntryPath(string fullPath, TimeZoneInfo zone, bool adjustedClose)
    {
        var hash = SHA256.HashData(Encoding.UTF8.GetBytes(Key(fullPath, zone, adjustedClose)));
        return Path.Combine(Directory, Convert.ToHexStringLower(hash.AsSpan(0, 16)) + ".bars");
    }

    private static string Key(string fullPath, TimeZoneInfo zone, bool adjustedClose) => $"{fullPath}\n{zone.Id}\n{(adjustedClose ? "adjusted" : "raw")}";

    // Layout: a 64-byte header (magic, version, layout, count, source size, source write time, key length),
    // the key in UTF-8 padded to 8 bytes, then six columns of count 8-byte values. Written through a small
    // buffer, column by column, so a cache miss does not hold a second copy of the bars.
    private static void WriteEntry(Stream stream, string key, long sourceLength, long sourceWriteTicks, ReadOnlySpan<Bar> bars, CsvLayout layout)
    {
        var keyBytes = Encoding.UTF8.GetBytes(key);
        Span<long> header = stackalloc long[HeaderBytes / sizeof(long)];
        header.Clear();
        header[0] = Magic;
        header[1] = FormatVersion;
        header[2] = (long)layout;
        header[3] = bars.Length;
        header[4] = sourceLength;
        header[5] = sourceWriteTicks;
        header[6] = keyBytes.Length;
        stream.Write(MemoryMarshal.AsBytes(header));
        stream.Write(keyBytes);
        stream.Write(new byte[Align8(keyBytes.Length) - keyBytes.Length]);

        var buffer = new long[8192];
        for (var column = 0; column < 6; column++)
        {
            for (var start = 0; start < bars.Length; start += buffer.Length)
            {
                var chunk = bars.Slice(start, Math.Min(buffer.Length, bars.Length - start));
                for (var i = 0; i < chunk.Length; i++) buffer[i] = ColumnValue(chunk[i], column);
                stream.Write(MemoryMarshal.AsBytes(buffer.AsSpan(0, chunk.Length)));
            }
        }
    }

    private static long ColumnValue(in Bar bar, int column) => column switch
    {
        0 => bar.Timestamp.Ticks,
        1 => BitConverter.DoubleToInt64Bits(bar.Open),
        2 => BitConverter.DoubleToInt64Bits(bar.High),
        3 => BitConverter.DoubleToInt64Bits(bar.Low),
        4 => BitConverter.DoubleToInt64Bits(bar.Close),
        _ => BitConverter.DoubleToInt64Bits(bar.Volume),
    };

    /// <summary>
    /// Where an entry's columns start and how many bars it holds, when its header (and key, which
    /// <paramref name="headerAndKey"/> must hold too) says it is this source's entry of this format and its
    /// length fits; null otherwise.
    /// </summary>
    private static (int Count, int ColumnsStart, CsvLayout Layout)? Check(ReadOnlySpan<byte> headerAndKey, long fileLength, string key, long sourceLength, long sourceWriteTicks)
    {
        if (headerAndKey.Length < HeaderBytes) return null;
        var header = MemoryMarshal.Cast<byte, long>(headerAndKey[..HeaderBytes]);
        if (header[0] != Magic || header[1] != FormatVersion || header[4] != sourceLength || header[5] != sourceWriteTicks) return null;
        var keyLength = header[6];
        var count = header[3];
        if (keyLength < 0 || HeaderBytes + keyLength > headerAndKey.Length || count <= 0 || count > Array.MaxLength) return null;
        var columnsStart = HeaderBytes + Align8((int)keyLength);
        if (fileLength != columnsStart + count * 6 * sizeof(long)) return null;
        if (!headerAndKey.Slice(HeaderBytes, (int)keyLength).SequenceEqual(Encoding.UTF8.GetBytes(key))) return null;
        return ((int)count, columnsStart, (CsvLayout)header[2]);
    }

    /// <summary>Below this many bars, one thread decodes faster than two can start.</summary>
    private const int ParallelDecodeBars = 1 << 16;

    private static unsafe (Bar[] Bars, CsvLayout Layout)? Decode(ReadOnlySpan<byte> content, string key, long sourceLength, long sourceWriteTicks)
    {
        if (Check(content, content.Length, key, sourceLength, sourceWriteTicks) is not { } found) return null;
        var (n, columnsStart, layout) = found;
        // Every slot is written below before the array is returned (a damaged entry drops it), so it need not be zeroed
        // first: the decoding threads touch the fresh pages themselves, each its own part (see LargeArrays).
        var bars = LargeArrays.Uninitialized<Bar>(n);
        var parts = n >= ParallelDecodeBars ? Math.Min(Environment.ProcessorCount, 8) : 1;
        var valid = true;
        fixed (byte* pointer = content)
        {
            var columns = (nint)(pointer + columnsStart); // a span cannot be captured by the worker lambda; its address can
            if (parts == 1) valid = DecodeRange(columns, n, bars, 0, n);
            else
                Parallel.For(0, parts, part =>
                {
                    if (!DecodeRange(columns, n, bars, (int)((long)n * part / parts), (int)((long)n * (part + 1) / parts))) valid = false;
                });
        }
        return valid ? (bars, layout) : null;
    }

    /// <summary>
    /// Bars <paramref name="start"/> to <paramref name="end"/> of the <paramref name="n"/>-row columns at <paramref name="columns"/>
    /// into <paramref name="bars"/>; false at the first stored bar the parser would have refused (the entry is damaged).
    /// </summary>
    private static unsafe bool DecodeRange(nint columns, int n, Bar[] bars, int start, int end)
    {
        var ticks = new ReadOnlySpan<long>((void*)columns, n);
        var open = new ReadOnlySpan<double>((void*)(columns + (nint)n * 8), n);
        var high = new ReadOnlySpan<double>((void*)(columns + (nint)n * 16), n);
        var low = new ReadOnlySpan<double>((void*)(columns + (nint)n * 24), n);
        var close = new ReadOnlySpan<double>((void*)(columns + (nint)n * 32), n);
        var volume = new ReadOnlySpan<double>((void*)(columns + (nint)n * 40), n);
        // Every bar is validated again: a damaged entry is a miss, never a bar the parser would have refused.
        var rows = end - start;
        return BarColumns.ToBars(ticks.Slice(start, rows), open.Slice(start, rows), high.Slice(start, rows), low.Slice(start, rows),
            close.Slice(start, rows), volume.Slice(start, rows), start == 0 ? -1 : ticks[start - 1], bars.AsSpan(start, rows)) < 0;
    }

    /// <summary>
    /// The bar an entry holds at one row, checked as the parser checked it (times after <paramref name="previousTicks"/>,
    /// -1 for the first row): null when it is one, else what is wrong with it (the entry is damaged).
    /// </summary>
    internal static string? StoredBar(long ticks, long previousTicks, double open, double high, double low, double close, double volume, out Bar bar)
    {
        bar = default;
        if (ticks < 0 || ticks > DateTime.MaxValue.Ticks || ticks <= previousTicks) return "its timestamps are out of order";
        try
        {
            bar = new Bar(new DateTime(ticks, DateTimeKind.Utc), open, high, low, close, volume);
            return null;
        }
        catch (ArgumentException ex)
        {
            return ex.Message;
        }
    }

    private static int Align8(int length) => (length + 7) & ~7;
}
