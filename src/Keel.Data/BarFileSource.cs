using Keel.Core.Domain;
using Keel.Core.MarketData;
using Keel.Data.Columnar;
using Keel.Data.Csv;

namespace Keel.Data;

/// <summary>
/// A bar file checked as <see cref="BarFiles.Load(string, BarCsvOptions?)"/> checks it (symbol, timeframe, skipped
/// rows), whose bars are then read as streams, as many times as asked (a portfolio backtest and its benchmark each
/// read every file once): from the columnar cache a window at a time, or a Parquet file a row group at a time, so
/// that a universe of long files costs memory per file, not per bar. A file that can only be parsed whole (a CSV
/// with no cache, a stated <c>--tz</c>, skipped rows, a file too small to cache) is loaded once and kept.
/// </summary>
public sealed class BarFileSource
{
    /// <summary>Enough bars to decide the timeframe as a whole load does (it looks at the first few hundred).</summary>
    private const int TimeframeSample = 1000;

    private readonly Func<IBarStream> _open;

    private BarFileSource(BarSeries? kept, Symbol symbol, Timeframe timeframe, string symbolRule, IReadOnlyList<BadRow> skippedRows, Func<IBarStream> open)
    {
        Kept = kept;
        Symbol = symbol;
        Timeframe = timeframe;
        SymbolRule = symbolRule;
        SkippedRows = skippedRows;
        _open = open;
    }

    public Symbol Symbol { get; }

    /// <summary>The stated timeframe when one was given (and the bars agree with it), else the inferred one: as a whole load decides it.</summary>
    public Timeframe Timeframe { get; }

    /// <summary>How the symbol and its asset class were decided (<see cref="BarLoadResult.SymbolRule"/>).</summary>
    public string SymbolRule { get; }

    public IReadOnlyList<BadRow> SkippedRows { get; }

    /// <summary>The whole series when the file could not be streamed (then it is held in memory); null when it streams.</summary>
    public BarSeries? Kept { get; }

    /// <summary>A new stream over the file's bars from the first; dispose it when done (it may hold the file open).</summary>
    /// <exception cref="BarDataException">A damaged cache entry or bad Parquet row, when the stream reaches it.</exception>
    public IBarStream Open() => _open();

    /// <exception cref="BarDataException">The file is not a valid bar file (named with its line or row), as from a whole load.</exception>
    /// <exception cref="IOException">The file cannot be read.</exception>
    public static BarFileSource Open(string path, BarCsvOptions options, ColumnarBarCache? cache)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(path);
        // A stated zone is checked against the file's own offsets by a parse, and a missing file is reported by it.
        if (options.SourceTimeZone is null && File.Exists(path))
        {
            var (symbol, rule) = BarCsvReader.ResolveSymbol(path, options);
            var zone = BarCsvReader.DefaultZone(symbol.AssetClass);
            if (cache?.TryOpenStream(path, symbol, zone, options.UseAdjustedClose) is { } cached)
                return Streamed(path, options, symbol, rule, cached, () => Reopen(cache, path, symbol, zone, options));
            if (cache is null && !options.UseAdjustedClose && BarFiles.IsParquet(path) && TryOpenParquet(path, symbol, zone) is { } parquet)
                return Streamed(path, options, symbol, rule, parquet, () => ParquetBarStream.Open(path, symbol, zone));
        }

        // Parsed whole once: every error names its line as a load's would, and a clean large file fills the cache.
        var loaded = BarFiles.Load(path, options, cache);
        var series = loaded.Series;
        if (cache is not null && options.SourceTimeZone is null && loaded.SkippedRows.Count == 0)
        {
            var (symbol, timeframe, rule) = (series.Symbol, series.Timeframe, loaded.SymbolRule);
            var zone = BarCsvReader.DefaultZone(symbol.AssetClass);
            if (cache.TryOpenStream(path, symbol, zone, options.UseAdjustedClose) is { } filled)
            {
                ((IDisposable)filled).Dispose();
                // The series just parsed is garbage now; without memory pressure the runtime would keep each file's
                // until a gen-2 collection, so filling the cache for a universe would hold them all at once.
                // One collection per file parsed (a second or so of work each) keeps it to one series.
                series = null!;
                loaded = null!;
                GC.Collect();
                return new BarFileSource(null, symbol, timeframe, rule, [], () => Reopen(cache, path, symbol, zone, options));
            }
        }
        return new BarFileSource(series, series.Symbol, series.Timeframe, loaded.SymbolRule, loaded.SkippedRows, () => new BarSeriesStream(series));
    }

    /// <summary>The file's cache entry opened again as a stream; an entry gone since it was checked is an error, not a guess.</summary>
    private static ColumnarBarStream Reopen(ColumnarBarCache cache, string path, Symbol symbol, TimeZoneInfo zone, BarCsvOptions options) =>
        cache.TryOpenStream(path, symbol, zone, options.UseAdjustedClose)
        ?? throw new BarDataException(path, 0, "its cached columns were removed or replaced during the run; run it again");

    /// <summary>A streamable file: its timeframe decided (and a stated one checked) on its first bars, as a whole load does.</summary>
    private static BarFileSource Streamed(string path, BarCsvOptions options, Symbol symbol, string rule, IBarStream first, Func<IBarStream> open)
    {
        var sample = new List<Bar>(TimeframeSample);
        try
        {
            while (sample.Count < TimeframeSample && first.MoveNext()) sample.Add(first.Current);
        }
        finally
        {
            (first as IDisposable)?.Dispose();
        }
        var timeframe = BarCsvReader.Finish(path, options, symbol, rule, [.. sample], CsvLayout.Parquet, []).Series.Timeframe;
        return new BarFileSource(null, symbol, timeframe, rule, [], open);
    }

    /// <summary>The file as a Parquet stream, or null when it cannot be opened as one (then a whole read says why, in its words).</summary>
    private static ParquetBarStream? TryOpenParquet(string path, Symbol symbol, TimeZoneInfo zone)
    {
        try
        {
            return ParquetBarStream.Open(path, symbol, zone);
        }
        catch (Exception ex) when (ex is not OutOfMemoryException)
        {
            return null;
        }
    }
}
