using System.Diagnostics;
using Keel.Core.Domain;
using Keel.Data;
using Keel.Data.Csv;
using nietras.SeparatedValues;

namespace Keel.Benchmarks;

/// <summary>
/// <c>csv FILE [--runs N]</c>: Keel's own CSV parser against Sep (the fastest general .NET CSV library) reading the
/// same Keel-layout file into the same bars, and the columnar forms, each fastest of N runs in one process
/// (after a warm-up run). Sep is given every advantage the reader has: parallel parsing over all cores,
/// numbers by its own fast float parser, timestamps by a fixed-layout digit reader; it checks nothing and
/// knows no line numbers, which Keel's parser keeps for its file:line errors.
/// </summary>
internal static class CsvParserComparison
{
    public static int Run(string file, int runs)
    {
        var bytes = new FileInfo(file).Length;
        var keel = Time(runs, () => BarCsvReader.Load(file).Series.Count);
        var sep = Time(runs, () => SepParallel(file).Length);
        var sepOneThread = Time(runs, () => SepSequential(file).Length);
        Console.WriteLine($"{file}: {bytes / 1e6:0.0} MB");
        Console.WriteLine($"keel parser (parallel chunks)  {keel.Ms,7:0.0} ms  {bytes / 1e6 / (keel.Ms / 1000):0} MB/s  {keel.Count:N0} bars");
        Console.WriteLine($"Sep, parallel                  {sep.Ms,7:0.0} ms  {bytes / 1e6 / (sep.Ms / 1000):0} MB/s  {sep.Count:N0} bars");
        Console.WriteLine($"Sep, one thread                {sepOneThread.Ms,7:0.0} ms  {bytes / 1e6 / (sepOneThread.Ms / 1000):0} MB/s");

        var parquet = Path.Combine(Path.GetTempPath(), $"keel-bench-{Guid.NewGuid():N}.parquet");
        var cacheDir = Path.Combine(Path.GetTempPath(), $"keel-bench-cache-{Guid.NewGuid():N}");
        try
        {
            Keel.Data.Columnar.ParquetBars.Write(parquet, BarCsvReader.Load(file).Series);
            var fromParquet = Time(runs, () => BarFiles.Load(parquet, null, cache: null).Series.Count);
            Console.WriteLine($"Parquet (Parquet.Net)          {fromParquet.Ms,7:0.0} ms  {new FileInfo(parquet).Length / 1e6:0.0} MB file");
            var cache = new Keel.Data.Columnar.ColumnarBarCache(cacheDir);
            File.SetLastWriteTimeUtc(file, File.GetLastWriteTimeUtc(file)); // no change; the cache wants a settled file
            BarFiles.Load(file, null, cache);
            var fromCache = Time(runs, () => BarFiles.Load(file, null, cache).Series.Count);
            Console.WriteLine($"columnar cache (memory map)    {fromCache.Ms,7:0.0} ms  {(Directory.Exists(cacheDir) ? Directory.GetFiles(cacheDir).Length : 0)} entry");
        }
        finally
        {
            File.Delete(parquet);
            if (Directory.Exists(cacheDir)) Directory.Delete(cacheDir, recursive: true);
        }
        return 0;
    }

    private static (double Ms, int Count) Time(int runs, Func<int> load)
    {
        var count = load();
        var best = double.MaxValue;
        for (var run = 0; run < runs; run++)
        {
            var clock = Stopwatch.StartNew();
            count = load();
            best = Math.Min(best, clock.Elapsed.TotalMilliseconds);
        }
        return (best, count);
    }

    private static Bar[] SepParallel(string file)
    {
        using var reader = Sep.Reader(o => o with { DisableQuotesParsing = true }).FromFile(file);
        return [.. reader.ParallelEnumerate(ToBar)];
    }

    private static Bar[] SepSequential(string file)
    {
        using var reader = Sep.Reader(o => o with { DisableQuotesParsing = true }).FromFile(file);
        var bars = new List<Bar>(1 << 20);
        foreach (var row in reader) bars.Add(ToBar(row));
        return [.. bars];
    }

    private static Bar ToBar(SepReader.Row row) => new(
        Timestamp(row[0].Span), row[1].Parse<double>(), row[2].Parse<double>(), row[3].Parse<double>(), row[4].Parse<double>(), row[5].Parse<double>());

    /// <summary>yyyy-MM-ddTHH:mm:ssZ only: the layout bench make-data writes.</summary>
    private static DateTime Timestamp(ReadOnlySpan<char> t)
    {
        static int D(ReadOnlySpan<char> s, int at, int n)
        {
            var v = 0;
            for (var i = at; i < at + n; i++) v = v * 10 + (s[i] - '0');
            return v;
        }
        return new DateTime(D(t, 0, 4), D(t, 5, 2), D(t, 8, 2), D(t, 11, 2), D(t, 14, 2), D(t, 17, 2), DateTimeKind.Utc);
    }
}
