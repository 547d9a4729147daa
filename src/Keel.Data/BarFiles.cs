using Keel.Core.Domain;
using Keel.Core.MarketData;
using Keel.Data.Columnar;
using Keel.Data.Csv;

namespace Keel.Data;

/// <summary>
/// The one way to load a bar file: Parquet when it is Parquet (by its <c>.parquet</c> name or its first
/// bytes), CSV otherwise, either through the user's <see cref="ColumnarBarCache"/> when large, so that a second
/// run reads columns instead of parsing text or decoding Parquet. Every command that takes <c>--data</c> and the bar store load
/// here, so a Parquet file works wherever a CSV does.
/// </summary>
public static class BarFiles
{
    private static readonly byte[] ParquetMagic = "PAR1"u8.ToArray();

    /// <exception cref="BarDataException">The file is not a valid bar file; the message names it (and the line or row).</exception>
    /// <exception cref="IOException">The file cannot be read.</exception>
    public static BarLoadResult Load(string path, BarCsvOptions? options = null) => Load(path, options, ColumnarBarCache.FromEnvironment());

    /// <summary>Loads with an explicit cache, or none.</summary>
    public static BarLoadResult Load(string path, BarCsvOptions? options, ColumnarBarCache? cache)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(path);
        options ??= BarCsvOptions.Default;
        var parquet = IsParquet(path);
        // A stated zone must be checked against the file's own offsets, which only a read sees: then no cache.
        if (cache is null || options.SourceTimeZone is not null || !File.Exists(path)) return Read(path, options, parquet);
        var (symbol, symbolRule) = BarCsvReader.ResolveSymbol(path, options);
        var zone = BarCsvReader.DefaultZone(symbol.AssetClass);
        if (cache.TryRead(path, zone, options.UseAdjustedClose) is { } cached)
            return BarCsvReader.Finish(path, options, symbol, symbolRule, cached.Bars, cached.Layout, []);
        var loaded = Read(path, options, parquet);
        if (loaded.SkippedRows.Count == 0) cache.TryWrite(path, zone, options.UseAdjustedClose, loaded.Series.Span, loaded.Layout);
        return loaded;
    }

    private static BarLoadResult Read(string path, BarCsvOptions options, bool parquet) =>
        parquet ? ParquetBars.Read(path, options) : BarCsvReader.Load(path, options);

    /// <summary>
    /// <paramref name="path"/>'s bars to be read forward once, for a portfolio backtest over many long series
    /// (<c>Backtester.RunStreaming</c>): as <see cref="BarFileSource"/> reads a file, from <paramref name="cache"/> a
    /// window at a time after one whole load of the file to fill it, or without a usable cache a Parquet file a row
    /// group at a time and a CSV file whole.
    /// </summary>
    public static IBarStream OpenStream(string path, Symbol symbol, ColumnarBarCache? cache) =>
        BarFileSource.Open(path, new BarCsvOptions { Symbol = symbol }, cache).Open();

    /// <summary>
    /// True when the file is to be read as Parquet: it ends in <c>.parquet</c> (then a file that is not
    /// Parquet is an error, not a CSV) or starts with the Parquet marker. Only the marker is checked here, so
    /// commands that never meet a Parquet file never load Parquet.Net.
    /// </summary>
    public static bool IsParquet(string path)
    {
        if (path.EndsWith(".parquet", StringComparison.OrdinalIgnoreCase)) return true;
        Span<byte> start = stackalloc byte[4];
        try
        {
            using var file = new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.ReadWrite, bufferSize: 1);
            return file.ReadAtLeast(start, start.Length, throwOnEndOfStream: false) == start.Length && start.SequenceEqual(ParquetMagic);
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            return false; // the CSV reader says what is wrong with the path
        }
    }
}
