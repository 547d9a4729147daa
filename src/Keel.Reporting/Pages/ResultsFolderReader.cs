using System.Globalization;
using Keel.Core.Domain;
using Keel.Reporting.Charts;
using nietras.SeparatedValues;

namespace Keel.Reporting.Pages;

/// <summary>
/// Reads what Keel's research commands left in a results folder back into page models: summary CSVs
/// (<c>keel compare</c>, <c>keel ensemble compare</c>) with the equity curves saved beside them, sweep CSVs
/// as heatmaps, and single backtest folders (<c>keel backtest --out</c>). Files it does not recognise are skipped.
/// </summary>
public static class ResultsFolderReader
{
    private const string SummaryHeaderStart = "strategy,symbol,costs,total_return_pct";
    private static readonly CultureInfo Invariant = CultureInfo.InvariantCulture;

    public static BacktestsPage Read(string folder, int chartColumns = 800)
    {
        var full = Path.GetFullPath(folder);
        if (!Directory.Exists(full)) return new BacktestsPage(full, [], [], []);
        var comparisons = new List<ComparisonTable>();
        var sweeps = new List<SweepGrid>();
        foreach (var file in Directory.EnumerateFiles(full, "*.csv").Order(StringComparer.Ordinal))
        {
            var header = FirstLine(file);
            if (header.StartsWith(SummaryHeaderStart, StringComparison.Ordinal)) comparisons.Add(Comparison(full, file, chartColumns));
            else if (Path.GetFileName(file).StartsWith("sweep_", StringComparison.Ordinal) && header.Contains(",sharpe,", StringComparison.Ordinal)) sweeps.Add(Sweep(file));
        }
        var runs = Directory.EnumerateDirectories(full).Order(StringComparer.Ordinal)
            .Where(d => File.Exists(Path.Combine(d, "summary.csv")) && File.Exists(Path.Combine(d, "equity.csv")))
            .Select(d => Single(d, chartColumns)).ToList();
        return new BacktestsPage(full, comparisons, sweeps, runs);
    }

    private static string FirstLine(string file)
    {
        using var reader = new StreamReader(file);
        return reader.ReadLine() ?? "";
    }

    private static ComparisonTable Comparison(string folder, string file, int columns)
    {
        var rows = new List<ComparisonRow>();
        var curves = new List<ChartSeries>();
        using var reader = Sep.Reader(o => o with { Unescape = true }).FromFile(file);
        foreach (var row in reader)
        {
            var strategy = row["strategy"].ToString();
            var symbol = row["symbol"].ToString();
            var costs = row["costs"].ToString();
            var label = $"{strategy} · {symbol} · {costs}";
            rows.Add(new ComparisonRow(label, strategy, symbol, costs, D(row["total_return_pct"].ToString()), D(row["max_drawdown_pct"].ToString()),
                D(row["sharpe"].ToString()), D(row["win_rate_pct"].ToString()), int.Parse(row["trades"].ToString(), Invariant),
                D(row["expectancy"].ToString()), D(row["ending_equity"].ToString())));
            var curve = Path.Combine(folder, "backtests", ResultFileNames.ComparisonCurve(strategy, symbol.Replace('/', '-'), costs));
            if (File.Exists(curve)) curves.Add(EquityCurve(curve, label, columns));
        }
        return new ComparisonTable(Path.GetFileName(file), rows, curves);
    }

    /// <summary>An equity CSV (timestamp, equity, ...) downsampled to <paramref name="columns"/> pixel columns.</summary>
    public static ChartSeries EquityCurve(string file, string name, int columns)
    {
        var t = new List<long>();
        var v = new List<double>();
        using var reader = Sep.Reader().FromFile(file);
        foreach (var row in reader)
        {
            t.Add(UnixMs(row["timestamp"].ToString()));
            v.Add(D(row["equity"].ToString()));
        }
        var (xs, ys) = ColumnDownsampler.MinMax(t.ToArray(), v.ToArray(), columns);
        return new ChartSeries(name, xs, ys);
    }

    private static SweepGrid Sweep(string file)
    {
        using var reader = Sep.Reader().FromFile(file);
        var names = reader.Header.ColNames;
        var axes = names.TakeWhile(n => n != "total_return_pct").ToList();
        var points = new List<(double X, double Y, double Sharpe)>();
        foreach (var row in reader)
        {
            var x = axes.Count > 0 ? D(row[axes[0]].ToString()) : 0;
            var y = axes.Count > 1 ? D(row[axes[1]].ToString()) : 0;
            points.Add((x, y, D(row["sharpe"].ToString())));
        }
        var xs = points.Select(p => p.X).Distinct().Order().ToArray();
        var ys = points.Select(p => p.Y).Distinct().Order().ToArray();
        var values = ys.Select(_ => new double?[xs.Length]).ToArray();
        foreach (var (x, y, sharpe) in points)
        {
            if (double.IsNaN(sharpe)) continue;
            ref var cell = ref values[Array.IndexOf(ys, y)][Array.IndexOf(xs, x)];
            cell = cell is { } known ? Math.Max(known, sharpe) : sharpe; // further axes: the best over them
        }
        return new SweepGrid(Path.GetFileName(file), "sharpe", axes.ElementAtOrDefault(0) ?? "", axes.ElementAtOrDefault(1) ?? "", xs, ys, values, points.Count);
    }

    private static SingleRun Single(string folder, int columns)
    {
        var markers = new List<TradeMarker>();
        var trades = Path.Combine(folder, "trades.csv");
        if (File.Exists(trades))
        {
            using var reader = Sep.Reader(o => o with { Unescape = true }).FromFile(trades);
            foreach (var row in reader)
                markers.Add(new TradeMarker(UnixMs(row["entry_time"].ToString()), D(row["entry_price"].ToString()), UnixMs(row["exit_time"].ToString()),
                    D(row["exit_price"].ToString()), row["symbol"].ToString(), D(row["net_pnl"].ToString())));
        }
        return new SingleRun(Path.GetFileName(folder), EquityCurve(Path.Combine(folder, "equity.csv"), "equity", columns), markers);
    }

    private static double D(string text) => double.Parse(text, NumberStyles.Float, Invariant);

    private static long UnixMs(string time) =>
        new DateTimeOffset(DateTime.Parse(time, Invariant, DateTimeStyles.AdjustToUniversal | DateTimeStyles.AssumeUniversal)).ToUnixTimeMilliseconds();

    /// <summary>A stored time as Unix milliseconds (charts use them).</summary>
    public static long UnixMs(DateTime utc) => new DateTimeOffset(DateTime.SpecifyKind(utc, DateTimeKind.Utc)).ToUnixTimeMilliseconds();
}
