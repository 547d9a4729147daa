using Keel.Core.Metrics;

namespace Keel.Core.Gates;

/// <summary>
/// What a backtest says about one configured strategy: the whole period's post-cost metrics, the
/// out-of-sample part's (traded after warming up on the in-sample part), its daily returns, months and
/// worst trade. <see cref="Members"/> holds an ensemble's members, measured the same way.
/// </summary>
public sealed record StrategyEvidence
{
    public required string Strategy { get; init; }
    public required DateTime From { get; init; }
    public required DateTime To { get; init; }
    public required PerformanceMetrics Metrics { get; init; }
    public required PerformanceMetrics OutOfSample { get; init; }
    public required DateTime OutOfSampleFrom { get; init; }
    public required IReadOnlyList<double> DailyReturns { get; init; }
    /// <summary>Each calendar month's return in percent, oldest first.</summary>
    public required IReadOnlyList<(DateOnly Month, double ReturnPct)> Months { get; init; }
    /// <summary>The worst trade's net P&amp;L (negative for a loss) as a percent of the starting equity; 0 without trades.</summary>
    public required double WorstTradePct { get; init; }
    public IReadOnlyList<StrategyEvidence> Members { get; init; } = [];
}
