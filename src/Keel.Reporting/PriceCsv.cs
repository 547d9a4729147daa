using Keel.Core.Domain;
using Keel.Reporting.Csv;

namespace Keel.Reporting;

/// <summary>
/// <c>prices.csv</c> of a backtest folder: the bars the run traded on (from its first traded bar), so the folder alone
/// can draw each symbol's price with the trades' entries and exits (the dashboard's single-run page).
/// Columns: timestamp, symbol, open, high, low, close; doubles in round-trip form, times in UTC.
/// </summary>
public static class PriceCsv
{
    public const string FileName = "prices.csv";

    public static void Write(string path, IReadOnlyList<BarSeries> series, DateTime? tradeFrom)
    {
        ArgumentNullException.ThrowIfNull(series);
        using var file = ReportFile.Create(path);
        var csv = new CsvLineWriter(file);
        csv.Header("timestamp", "symbol", "open", "high", "low", "close");
        foreach (var s in series)
        {
            var shown = tradeFrom is { } from ? s.Between(from, DateTime.MaxValue) : s;
            var symbol = CsvFormat.Text(s.Symbol.Ticker);
            foreach (ref readonly var bar in shown.Span)
            {
                csv.Field(CsvFormat.Time(bar.Timestamp))
                    .Field(symbol)
                    .Field(CsvFormat.Double(bar.Open))
                    .Field(CsvFormat.Double(bar.High))
                    .Field(CsvFormat.Double(bar.Low))
                    .Field(CsvFormat.Double(bar.Close))
                    .EndLine();
            }
        }
    }
}
