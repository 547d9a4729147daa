using Keel.Core.Metrics;

namespace Keel.Reporting;

/// <summary>
/// One run in a summary table: what was run (strategy, symbol, cost model), how it did, the asset class
/// that annualised it, and how many of its orders were refused or resized.
/// </summary>
public sealed record SummaryRow(string Strategy, string Symbol, string Costs, PerformanceMetrics Metrics)
{
    public string AssetClass { get; init; } = "";
    public int RejectedOrders { get; init; }
    public int ResizedOrders { get; init; }
}
