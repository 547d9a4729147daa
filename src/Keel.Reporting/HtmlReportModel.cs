namespace Keel.Reporting;

/// <summary>Everything the HTML report shows: a title, the run settings, the runs and optional extra sections.</summary>
public sealed record HtmlReportModel
{
    public required string Title { get; init; }

    /// <summary>Run settings shown as name/value pairs, in this order (date range, timeframe, cost model...).</summary>
    public required IReadOnlyList<KeyValuePair<string, string>> Settings { get; init; }

    public required IReadOnlyList<ReportRun> Runs { get; init; }

    public IReadOnlyList<ReportSection> Sections { get; init; } = [];
}
