using Keel.Core.Metrics;

namespace Keel.Reporting;

/// <summary>One run in a summary table: what was run (strategy, symbol, cost model) and how it did.</summary>
public sealed record SummaryRow(string Strategy, string Symbol, string Costs, PerformanceMetrics Metrics);
