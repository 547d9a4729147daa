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
            .Where(IsRun)
            .Select(d => new RunListing(Path.GetFileName(d), Summary(d), File.Exists(Path.Combine(d, PriceCsv.FileName)))).ToList();
        return new BacktestsPage(full, comparisons, sweeps, runs);
    }

    /// <summary>
    /// The page of the backtest folder <paramref name="name"/> directly inside <paramref name="folder"/>; null when there
    /// is none (a name with a path in it never leaves the results folder).
    /// </summary>
    public static RunPage? ReadRun(string folder, string name, int chartColumns = 800)
    {
        if (string.IsNullOrWhiteSpace(name) || name != Path.GetFileName(name) || name is "." or "..") return null;
        var run = Path.Combine(Path.GetFullPath(folder), name);
        if (!Directory.Exists(run) || !IsRun(run)) return null;
        var trades = Trades(run);
        var prices = Path.Combine(run, PriceCsv.FileName);
        var charts = File.Exists(prices) ? Prices(prices, trades, chartColumns) : [];
        var note = File.Exists(prices) ? null : $"{name} has no {PriceCsv.FileName} (written by keel backtest --out since the dashboard's run page): only its equity and trades are shown.";
        return new RunPage(name, Summary(run), EquityCurve(Path.Combine(run, "equity.csv"), "equity", chartColumns), charts, note);
    }

    private static bool IsRun(string directory) =>
        File.Exists(Path.Combine(directory, "summary.csv")) && File.Exists(Path.Combine(directory, "equity.csv"));

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
            var summary = Row(row);
            rows.Add(summary);
            var curve = Path.Combine(folder, "backtests", ResultFileNames.ComparisonCurve(summary.Strategy, summary.Symbol.Replace('/', '-'), summary.Costs));
            if (File.Exists(curve)) curves.Add(EquityCurve(curve, summary.Label, columns));
        }
        return new ComparisonTable(Path.GetFileName(file), rows, curves);
    }

    private static ComparisonRow Row(SepReader.Row row)
    {
        var strategy = row["strategy"].ToString();
        var symbol = row["symbol"].ToString();
        var costs = row["costs"].ToString();
        return new ComparisonRow($"{strategy} · {symbol} · {costs}", strategy, symbol, costs, D(row["total_return_pct"].ToString()), D(row["max_drawdown_pct"].ToString()),
            D(row["sharpe"].ToString()), D(row["win_rate_pct"].ToString()), int.Parse(row["trades"].ToString(), Invariant),
            D(row["expectancy"].ToString()), D(row["ending_equity"].ToString()));
    }

    /// <summary>The first row of a run's summary.csv (one run per folder).</summary>
    private static ComparisonRow? Summary(string run)
    {
        using var reader = Sep.Reader(o => o with { Unescape = true }).FromFile(Path.Combine(run, "summary.csv"));
        foreach (var row in reader) return Row(row);
        return null;
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

    private static List<TradeMarker> Trades(string run)
    {
        var markers = new List<TradeMarker>();
        var trades = Path.Combine(run, "trades.csv");
        if (!File.Exists(trades)) return markers;
        using var reader = Sep.Reader(o => o with { Unescape = true }).FromFile(trades);
        foreach (var row in reader)
            markers.Add(new TradeMarker(row["strategy"].ToString(), row["symbol"].ToString(), UnixMs(row["entry_time"].ToString()), D(row["entry_price"].ToString()),
                UnixMs(row["exit_time"].ToString()), D(row["exit_price"].ToString()), D(row["net_pnl"].ToString()),
                row["entry_reason"].ToString(), row["exit_reason"].ToString()));
        return markers;
    }

    /// <summary>Each symbol's close from prices.csv (downsampled to the chart's columns) with that symbol's trades, symbols in file order.</summary>
    private static List<PriceChart> Prices(string file, List<TradeMarker> trades, int columns)
    {
        var bySymbol = new Dictionary<string, (List<long> T, List<double> V)>(StringComparer.Ordinal);
        var order = new List<string>();
        using (var reader = Sep.Reader(o => o with { Unescape = true }).FromFile(file))
        {
            foreach (var row in reader)
            {
                var symbol = row["symbol"].ToString();
                if (!bySymbol.TryGetValue(symbol, out var series))
                {
                    bySymbol[symbol] = series = ([], []);
                    order.Add(symbol);
                }
                series.T.Add(UnixMs(row["timestamp"].ToString()));
                series.V.Add(D(row["close"].ToString()));
            }
        }
        return order.Select(symbol =>
        {
            var (t, v) = bySymbol[symbol];
            var (xs, ys) = ColumnDownsampler.MinMax(t.ToArray(), v.ToArray(), columns);
            return new PriceChart(symbol, new ChartSeries(symbol + " close", xs, ys), trades.Where(m => m.Symbol == symbol).ToList());
        }).ToList();
    }

    private static double D(string text) => double.Parse(text, NumberStyles.Float, Invariant);

    private static long UnixMs(string time) =>
        new DateTimeOffset(DateTime.Parse(time, Invariant, DateTimeStyles.AdjustToUniversal | DateTimeStyles.AssumeUniversal)).ToUnixTimeMilliseconds();

    /// <summary>A stored time as Unix milliseconds (charts use them).</summary>
    public static long UnixMs(DateTime utc) => new DateTimeOffset(DateTime.SpecifyKind(utc, DateTimeKind.Utc)).ToUnixTimeMilliseconds();
}
