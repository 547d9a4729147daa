namespace Keel.Data.Csv;

/// <summary>The header layouts <see cref="BarCsvReader"/> recognises. Column names are case-insensitive.</summary>
public enum CsvLayout
{
    /// <summary>Keel's own format, as written by <see cref="BarCsvWriter"/>: <c>timestamp,open,high,low,close,volume</c> in UTC.</summary>
    Keel,

    /// <summary>
    /// Yahoo Finance: <c>Date,Open,High,Low,Close,Adj Close,Volume</c>. Bars use <c>Close</c>, which Yahoo
    /// adjusts for splits only; <c>Adj Close</c> (also adjusted for dividends) is ignored unless
    /// <see cref="BarCsvOptions.UseAdjustedClose"/> is set.
    /// </summary>
    Yahoo,

    /// <summary>Separate date and time columns: <c>Date,Time,Open,High,Low,Close,Volume[,OpenInterest]</c>.</summary>
    DateAndTime,

    /// <summary>A pandas index as the first, unnamed column: <c>,Open,High,Low,Close,Volume</c>.</summary>
    UnnamedTimestamp,

    /// <summary>One timestamp column then OHLCV: <c>Date,Open,High,Low,Close,Volume</c>; extra columns are ignored.</summary>
    Generic,

    /// <summary>Not CSV: a Parquet bar file (see <see cref="Columnar.ParquetBars"/>), loaded by <see cref="BarFiles"/>.</summary>
    Parquet,
}
