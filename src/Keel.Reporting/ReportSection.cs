namespace Keel.Reporting;

/// <summary>
/// An extra section appended to the HTML report (a sweep heatmap, an ensemble table...). The title is
/// escaped; <see cref="Html"/> is trusted, already-rendered markup and is inserted as it is, so it must
/// be self-contained too (no external scripts, styles or fonts).
/// </summary>
public sealed record ReportSection(string Title, string Html);
