using Keel.Core.Domain;

namespace Keel.Data.Csv;

/// <summary>
/// What <see cref="BarCsvReader.Load"/> produced: the bars, the layout it recognised and the rows it
/// skipped (always empty unless <see cref="BarCsvOptions.SkipBadRows"/> is set).
/// </summary>
public sealed record BarLoadResult(BarSeries Series, CsvLayout Layout, IReadOnlyList<BadRow> SkippedRows);
