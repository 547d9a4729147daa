using Keel.Core.Metrics;
using Keel.Core.Trading;

namespace Keel.Reporting;

/// <summary>
/// One run shown in the HTML report. <see cref="Label"/> names it in legends and chart labels, so
/// keep it short and unique (for example "SMA · SPY · realistic").
/// </summary>
public sealed record ReportRun(
    string Label,
    string Strategy,
    string Symbol,
    string Costs,
    PerformanceMetrics Metrics,
    IReadOnlyList<EquityPoint> Curve);
