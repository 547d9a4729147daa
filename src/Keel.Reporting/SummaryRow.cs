using Keel.Core.Metrics;

namespace Keel.Reporting;

/// <summary>
/// One run in a summary table: what was run (strategy, symbol, cost model), how it did, the asset class
/// that annualised it, how many of its orders were refused or resized, and the code that made it.
/// </summary>
public sealed record SummaryRow(string Strategy, string Symbol, string Costs, PerformanceMetrics Metrics)
{
    public string AssetClass { get; init; } = "";
    public int RejectedOrders { get; init; }
    public int ResizedOrders { get; init; }

    /// <summary>SHA-256 of the strategy code that made the run (the user's file or project, or Keel's own for a built-in); empty for a benchmark.</summary>
    public string CodeSha256 { get; init; } = "";
}
