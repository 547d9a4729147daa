using Keel.Core.Domain;

namespace Keel.Data.Csv;

/// <summary>
/// What <see cref="BarCsvReader.Load"/> produced: the bars, the layout it recognised and the rows it
/// skipped (always empty unless <see cref="BarCsvOptions.SkipBadRows"/> is set).
/// </summary>
public sealed record BarLoadResult(BarSeries Series, CsvLayout Layout, IReadOnlyList<BadRow> SkippedRows)
{
    /// <summary>How the symbol and its asset class were decided: given, or the file-name rule that read them.</summary>
    public string SymbolRule { get; init; } = "given";
}
