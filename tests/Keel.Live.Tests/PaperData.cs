using System.Globalization;
using Keel.Core.Domain;
using Keel.Data.Csv;

namespace Keel.Live.Tests;

/// <summary>
/// The bars the paper tests replay: the shipped sample's 1-minute bars of SPY, AAPL and BTC/USD
/// (synthetic), summed into 15-minute bars, written as a bar store folder the sim serves.
/// </summary>
internal static class PaperData
{
    public static readonly Timeframe Frame = Timeframe.Parse("15Min");
    public static readonly Symbol[] Symbols = [Symbol.Parse("SPY"), Symbol.Parse("AAPL"), Symbol.Parse("BTC/USD")];

    /// <summary>Monday 2024-12-16 00:00 UTC: every sample series has bars from here to Friday.</summary>
    public static readonly DateTime Start = new(2024, 12, 16, 0, 0, 0, DateTimeKind.Utc);

    public static string RepoRoot => KeelCli.RepoRoot;

    /// <summary>Writes <c>{folder}/15Min/{SYMBOL}.csv</c> for bars opening in [from, to) and returns the series.</summary>
    public static IReadOnlyList<BarSeries> Write(string folder, DateTime from, DateTime to)
    {
        var result = new List<BarSeries>();
        foreach (var symbol in Symbols)
        {
            var minutes = BarCsvReader.Load(Path.Combine(RepoRoot, "samples", "1Min", symbol.FileSafeName + ".csv"),
                new BarCsvOptions { Symbol = symbol, Timeframe = Timeframe.OneMinute }).Series;
            var bars = Aggregate(minutes.Span.ToArray().Where(b => b.Timestamp >= from && b.Timestamp < to), Frame.Duration);
            var series = new BarSeries(symbol, Frame, bars);
            var path = Path.Combine(folder, Frame.ToString(), symbol.FileSafeName + ".csv");
            Directory.CreateDirectory(Path.GetDirectoryName(path)!);
            BarCsvWriter.Write(path, series);
            result.Add(series);
        }
        return result;
    }

    private static Bar[] Aggregate(IEnumerable<Bar> minutes, TimeSpan length) =>
        minutes.GroupBy(b => new DateTime(b.Timestamp.Ticks - b.Timestamp.Ticks % length.Ticks, DateTimeKind.Utc))
            .OrderBy(g => g.Key)
            .Select(g =>
            {
                var list = g.ToList();
                return new Bar(g.Key, list[0].Open, list.Max(b => b.High), list.Min(b => b.Low), list[^1].Close, list.Sum(b => b.Volume));
            })
            .ToArray();

    public static string Iso(DateTime time) => time.ToString("yyyy-MM-ddTHH:mm:ssZ", CultureInfo.InvariantCulture);
}
