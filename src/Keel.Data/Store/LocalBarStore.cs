using Keel.Core.Domain;
using Keel.Data.Columnar;
using Keel.Data.Csv;

namespace Keel.Data.Store;

/// <summary>
/// Bars kept on disk as one Keel canonical CSV per symbol and timeframe:
/// <c>{root}/{timeframe}/{symbol file-safe name}.csv</c>, e.g. <c>bars/1Day/BTC-USD.csv</c>, or as Parquet
/// in the same place with <c>.parquet</c> (put there by <c>keel data convert</c>; a series kept as Parquet is
/// saved as Parquet). Loads go through <see cref="BarFiles"/>, so large CSVs are read from the columnar cache.
/// Every write replaces the file atomically (temporary file, then rename), so a crash never leaves
/// half a file. Meant for one writer at a time; concurrent writers to the same series would each
/// replace the other's file whole.
/// </summary>
public sealed class LocalBarStore
{
    public LocalBarStore(string root)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(root);
        Root = root;
    }

    public string Root { get; }

    /// <summary>Where the series for <paramref name="symbol"/> and <paramref name="timeframe"/> lives as CSV, whether or not it exists yet.</summary>
    public string PathFor(Symbol symbol, Timeframe timeframe)
    {
        ArgumentNullException.ThrowIfNull(symbol);
        return Path.Combine(Root, timeframe.ToString(), symbol.FileSafeName + ".csv");
    }

    /// <summary>Writes <paramref name="series"/>, replacing whatever the store held for its symbol and timeframe.</summary>
    /// <exception cref="ArgumentException">The series has no bars; the store only keeps files it can load back.</exception>
    public void Save(BarSeries series)
    {
        ArgumentNullException.ThrowIfNull(series);
        if (series.Count == 0)
            throw new ArgumentException($"{series.Symbol} {series.Timeframe}: a series with no bars is not saved.", nameof(series));
        if (StoredPath(series.Symbol, series.Timeframe) is { } stored && IsParquet(stored)) ParquetBars.Write(stored, series);
        else BarCsvWriter.Write(PathFor(series.Symbol, series.Timeframe), series);
    }

    /// <summary>The stored series, or null when the store has none for this symbol and timeframe.</summary>
    /// <exception cref="BarDataException">The file exists but is not a valid bar file.</exception>
    public BarSeries? TryLoad(Symbol symbol, Timeframe timeframe)
    {
        var path = StoredPath(symbol, timeframe);
        if (path is null) return null;
        return BarFiles.Load(path, new BarCsvOptions { Symbol = symbol, Timeframe = timeframe, CheckTimeframe = false }).Series;
    }

    /// <summary>The file holding the series (CSV or Parquet), or null when there is none.</summary>
    /// <exception cref="BarDataException">Both a CSV and a Parquet file hold it: which is right cannot be guessed.</exception>
    private string? StoredPath(Symbol symbol, Timeframe timeframe)
    {
        var csv = PathFor(symbol, timeframe);
        var parquet = Path.ChangeExtension(csv, ".parquet");
        return (File.Exists(csv), File.Exists(parquet)) switch
        {
            (true, true) => throw new BarDataException(parquet, 0, $"the store holds {symbol} {timeframe} twice, also as {csv}; remove one"),
            (true, false) => csv,
            (false, true) => parquet,
            _ => null,
        };
    }

    private static bool IsParquet(string path) => Path.GetExtension(path) == ".parquet";

    /// <summary>The stored series.</summary>
    /// <exception cref="FileNotFoundException">The store has no such series; the message lists what it has.</exception>
    public BarSeries Load(Symbol symbol, Timeframe timeframe) =>
        TryLoad(symbol, timeframe) ?? throw new FileNotFoundException(MissingMessage(symbol, timeframe), PathFor(symbol, timeframe));

    /// <summary>
    /// Adds <paramref name="incoming"/> to the stored series and saves the union. Where both have a bar
    /// at the same timestamp the incoming bar replaces the stored one: fresh downloads correct
    /// provisional bars (such as today's still-forming bar). Returns the merged series.
    /// </summary>
    public BarSeries Merge(BarSeries incoming)
    {
        ArgumentNullException.ThrowIfNull(incoming);
        var stored = TryLoad(incoming.Symbol, incoming.Timeframe);
        if (incoming.Count == 0) return stored ?? incoming;
        var merged = stored is null ? incoming : new BarSeries(incoming.Symbol, incoming.Timeframe, Union(stored.Span, incoming.Span));
        Save(merged);
        return merged;
    }

    /// <summary>How <paramref name="incoming"/> meets what the store holds for its symbol and timeframe (nothing written).</summary>
    public BarOverlap Overlap(BarSeries incoming)
    {
        ArgumentNullException.ThrowIfNull(incoming);
        var stored = TryLoad(incoming.Symbol, incoming.Timeframe);
        return stored is null ? new BarOverlap(0, 0, null, null, 0) : BarOverlap.Between(stored.Span, incoming.Span);
    }

    /// <summary>The open time of the last stored bar, or null when there is none: where an incremental download resumes.</summary>
    public DateTime? LastTimestamp(Symbol symbol, Timeframe timeframe)
    {
        var series = TryLoad(symbol, timeframe);
        return series is null ? null : series[series.Count - 1].Timestamp;
    }

    /// <summary>Every series in the store, ordered by symbol then timeframe. Each file is loaded, so a corrupt one fails loudly.</summary>
    public IReadOnlyList<StoredSeries> List() =>
        [.. Files().Select(f =>
        {
            var series = BarFiles.Load(f.Path, new BarCsvOptions { Symbol = f.Symbol, Timeframe = f.Timeframe, CheckTimeframe = false }).Series;
            return new StoredSeries(f.Symbol, f.Timeframe, series.Count, series[0].Timestamp, series[series.Count - 1].Timestamp, f.Path);
        })];

    /// <summary>The series files under the root, recognised by folder and file name alone.</summary>
    private List<(Symbol Symbol, Timeframe Timeframe, string Path)> Files()
    {
        var files = new List<(Symbol Symbol, Timeframe Timeframe, string Path)>();
        if (!Directory.Exists(Root)) return files;
        foreach (var folder in Directory.EnumerateDirectories(Root))
        {
            var folderName = Path.GetFileName(folder);
            if (!Timeframe.TryParse(folderName, out var timeframe, out _) || timeframe.ToString() != folderName) continue;
            foreach (var file in Directory.EnumerateFiles(folder))
            {
                // The extension check also skips temporary files of interrupted writes.
                if (Path.GetExtension(file) is not (".csv" or ".parquet")) continue;
                if (SymbolForms.FromFileSafeName(Path.GetFileNameWithoutExtension(file)) is { } symbol)
                    files.Add((symbol, timeframe, file));
            }
        }
        return [.. files.OrderBy(f => f.Symbol.Ticker, StringComparer.Ordinal).ThenBy(f => f.Timeframe.Duration)];
    }

    private string MissingMessage(Symbol symbol, Timeframe timeframe)
    {
        var available = Files().Select(f => $"{f.Symbol} {f.Timeframe}").ToList();
        var has = available.Count == 0 ? "The store is empty." : $"The store has: {string.Join(", ", available)}.";
        return $"No {timeframe} bars for {symbol} in the bar store at '{Root}' (looked for {PathFor(symbol, timeframe)}). {has}";
    }

    /// <summary>Merges two time-ordered runs of bars; on equal timestamps the incoming bar wins.</summary>
    private static Bar[] Union(ReadOnlySpan<Bar> stored, ReadOnlySpan<Bar> incoming)
    {
        var result = new List<Bar>(stored.Length + incoming.Length);
        int s = 0, i = 0;
        while (s < stored.Length || i < incoming.Length)
        {
            if (i == incoming.Length || (s < stored.Length && stored[s].Timestamp < incoming[i].Timestamp))
            {
                result.Add(stored[s++]);
                continue;
            }
            if (s < stored.Length && stored[s].Timestamp == incoming[i].Timestamp) s++; // replaced by the incoming bar
            result.Add(incoming[i++]);
        }
        return [.. result];
    }
}
