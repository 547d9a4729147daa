using Keel.Core.Drift;

namespace Keel.Reporting.Json;

/// <summary>
/// <c>keel drift --json</c> (also <c>drift.json</c> and the report the service stores each night): <c>matched</c>,
/// <c>missed</c>, <c>extra</c>, <c>mispriced</c>, <c>return_difference_pct</c>, then the details. Ratios are rounded to
/// six places; a fill absent on one side is null.
/// </summary>
public sealed record DriftReportJson
{
    public required int Matched { get; init; }
    public required int Missed { get; init; }
    public required int Extra { get; init; }
    public required int Mispriced { get; init; }
    public required double ReturnDifferencePct { get; init; }
    public required double PaperReturnPct { get; init; }
    public required double ReplayReturnPct { get; init; }
    public required double DailyReturnCorrelation { get; init; }
    public required double MeanBuyDifferenceBps { get; init; }
    public required double MeanSellDifferenceBps { get; init; }
    public required decimal TolerancePct { get; init; }
    public required DateTime From { get; init; }
    public required DateTime To { get; init; }
    public required decimal StartingEquity { get; init; }
    public required string ReplayCostModel { get; init; }
    public required string Explanation { get; init; }
    public required IReadOnlyList<DriftTradeJson> Trades { get; init; }

    public static DriftReportJson Of(DriftReport r)
    {
        ArgumentNullException.ThrowIfNull(r);
        var s = r.Summary;
        return new DriftReportJson
        {
            Matched = s.Matched,
            Missed = s.Missed,
            Extra = s.Extra,
            Mispriced = s.Mispriced,
            ReturnDifferencePct = Round(s.ReturnDifferencePct),
            PaperReturnPct = Round(s.PaperReturnPct),
            ReplayReturnPct = Round(s.ReplayReturnPct),
            DailyReturnCorrelation = Round(r.DailyReturnCorrelation),
            MeanBuyDifferenceBps = Round(r.MeanBuyDifferenceBps),
            MeanSellDifferenceBps = Round(r.MeanSellDifferenceBps),
            TolerancePct = r.TolerancePercent,
            From = r.From,
            To = r.To,
            StartingEquity = r.StartingEquity,
            ReplayCostModel = r.CostModel,
            Explanation = r.Explanation,
            Trades = r.Trades.Select(DriftTradeJson.Of).ToList(),
        };
    }

    /// <summary>Six places; NaN and infinities stay as they are (written as null).</summary>
    internal static double Round(double value) => double.IsFinite(value) ? Math.Round(value, 6) : value;
}

/// <summary>One order of the period, paper beside replay: the decision, how it matched, both fills and the differences.</summary>
public sealed record DriftTradeJson(string Strategy, string Symbol, DateTime DecisionBar, string Side, string Match, DriftFillJson? Paper, DriftFillJson? Replay,
    double PriceDifferenceBps, decimal PnlDifference, bool Mispriced)
{
    public static DriftTradeJson Of(DriftTrade t)
    {
        ArgumentNullException.ThrowIfNull(t);
        return new(t.Strategy, t.Symbol.Ticker, t.DecisionBar, t.Side.ToString().ToLowerInvariant(), t.Match.ToString().ToLowerInvariant(),
            DriftFillJson.Of(t.Paper), DriftFillJson.Of(t.Replay), DriftReportJson.Round(t.PriceDifferenceBps), t.PnlDifference, t.Mispriced);
    }
}

/// <summary>One side's fill of a drift trade.</summary>
public sealed record DriftFillJson(DateTime Time, decimal Quantity, decimal Price, decimal Fee, decimal Slippage)
{
    public static DriftFillJson? Of(DriftFill? f) => f is null ? null : new(f.Time, f.Quantity, f.Price, f.Fee, f.Slippage);
}
