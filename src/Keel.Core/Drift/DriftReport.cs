using Keel.Core.Gates;
using Keel.Core.Trading;

namespace Keel.Core.Drift;

/// <summary>
/// The paper period against its replay through the backtester: every order matched, missed or extra, the
/// two equity curves, and an explanation of the price differences (<see cref="Explanation"/>).
/// </summary>
public sealed record DriftReport
{
    public required DateTime From { get; init; }
    public required DateTime To { get; init; }
    public required decimal StartingEquity { get; init; }
    public required string CostModel { get; init; }
    public required decimal TolerancePercent { get; init; }
    public required IReadOnlyList<DriftTrade> Trades { get; init; }
    public required IReadOnlyList<EquityPoint> PaperCurve { get; init; }
    public required IReadOnlyList<EquityPoint> ReplayCurve { get; init; }
    public required DriftSummary Summary { get; init; }
    /// <summary>Pearson correlation of the two curves' daily returns; NaN with fewer than three days.</summary>
    public required double DailyReturnCorrelation { get; init; }
    public required double MeanBuyDifferenceBps { get; init; }
    public required double MeanSellDifferenceBps { get; init; }
    public required string Explanation { get; init; }
}
