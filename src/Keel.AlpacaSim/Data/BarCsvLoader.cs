using System.Globalization;
using Keel.Alpaca.Models;
using Keel.Core.Domain;

namespace Keel.AlpacaSim.Data;

/// <summary>
/// Reads Keel's canonical bar files, <c>{dir}/{timeframe}/{SYMBOL-FILESAFE}.csv</c> with the header
/// <c>timestamp,open,high,low,close,volume</c> and UTC ISO-8601 timestamps (a bare date means midnight UTC).
/// Deliberately small: the sim does not depend on Keel.Data.
/// </summary>
internal static class BarCsvLoader
{
    public static void LoadFolder(string directory, BarStore store)
    {
        if (!Directory.Exists(directory))
            throw new DirectoryNotFoundException($"Bar data folder '{directory}' does not exist.");
        foreach (var timeframeDir in Directory.GetDirectories(directory))
        {
            if (!Timeframe.TryParse(Path.GetFileName(timeframeDir), out var timeframe, out _)) continue;
            foreach (var file in Directory.GetFiles(timeframeDir, "*.csv"))
            {
                var symbol = SimSymbols.FromFileName(Path.GetFileNameWithoutExtension(file));
                store.Add(symbol, timeframe, ReadFile(file));
            }
        }
    }

    public static List<AlpacaBar> ReadFile(string path)
    {
        var bars = new List<AlpacaBar>();
        using var reader = new StreamReader(path);
        var header = reader.ReadLine() ?? throw new FormatException($"{path}: empty file.");
        var columns = header.Split(',').Select(c => c.Trim().ToLowerInvariant()).ToArray();
        string[] expected = ["timestamp", "open", "high", "low", "close", "volume"];
        if (!columns.Take(expected.Length).SequenceEqual(expected))
            throw new FormatException($"{path}: header must start with {string.Join(',', expected)}, found '{header}'.");
        var lineNumber = 1;
        while (reader.ReadLine() is { } line)
        {
            lineNumber++;
            if (string.IsNullOrWhiteSpace(line)) continue;
            var cells = line.Split(',');
            if (cells.Length < expected.Length)
                throw new FormatException($"{path}:{lineNumber}: expected {expected.Length} values, found {cells.Length}.");
            try
            {
                var open = Number(cells[1]);
                var high = Number(cells[2]);
                var low = Number(cells[3]);
                var close = Number(cells[4]);
                bars.Add(new AlpacaBar
                {
                    Timestamp = DateTimeOffset.Parse(cells[0].Trim(), CultureInfo.InvariantCulture,
                        DateTimeStyles.AssumeUniversal | DateTimeStyles.AdjustToUniversal),
                    Open = open,
                    High = high,
                    Low = low,
                    Close = close,
                    Volume = Number(cells[5]),
                    Vwap = Math.Round((high + low + close) / 3, 4),
                });
            }
            catch (FormatException ex)
            {
                throw new FormatException($"{path}:{lineNumber}: {ex.Message}", ex);
            }
        }
        return bars;
    }

    private static decimal Number(string text) =>
        decimal.Parse(text.Trim(), NumberStyles.Float, CultureInfo.InvariantCulture);
}
