using System.Globalization;
using Keel.Core.Gates;
using Keel.Core.Metrics;
using Keel.Core.Research;
using Keel.Core.Trading;

namespace Keel.Core.Drift;

/// <summary>
/// Compares what paper did with what the backtester does on the same bars: orders matched by (strategy,
/// symbol, decision bar, side) — the decision bar is the order's creation time in both, so the same
/// decision lines up although paper fills a bar later — fill prices, fees, cash flows, equity curves.
/// </summary>
public static class DriftComparison
{
    public static DriftReport Compare(DateTime from, DateTime to, decimal startingEquity, string costModel, decimal tolerancePercent,
        IReadOnlyList<(OrderRequest Order, Fill Fill)> paperFills, IReadOnlyList<OrderEvent> replayEvents,
        IReadOnlyList<EquityPoint> paperCurve, IReadOnlyList<EquityPoint> replayCurve, decimal replayFinalEquity)
    {
        static (string, string, DateTime, OrderSide) Key(OrderRequest o) => (o.Strategy, o.Symbol.Ticker, o.CreatedAt, o.Side);
        var paper = paperFills.Where(p => p.Order.CreatedAt >= from && p.Order.CreatedAt <= to)
            .GroupBy(p => Key(p.Order)).ToDictionary(g => g.Key, g => (g.First().Order, Fill: DriftFill.Of(g.Select(x => x.Fill).ToList())));
        var replay = replayEvents.Where(e => e.Fill is not null && e.Order.CreatedAt >= from && e.Order.CreatedAt <= to && e.Order.Purpose != OrderPurpose.EndOfRun)
            .GroupBy(e => Key(e.Order)).ToDictionary(g => g.Key, g => (g.First().Order, Fill: DriftFill.Of(g.Select(x => x.Fill!.Value).ToList())));

        var trades = new List<DriftTrade>();
        foreach (var key in paper.Keys.Union(replay.Keys).OrderBy(k => k.Item3).ThenBy(k => k.Item1, StringComparer.Ordinal).ThenBy(k => k.Item2, StringComparer.Ordinal))
        {
            var p = paper.TryGetValue(key, out var pv) ? pv : default;
            var r = replay.TryGetValue(key, out var rv) ? rv : default;
            var order = p.Order ?? r.Order!;
            var match = p.Order is null ? DriftMatch.Missed : r.Order is null ? DriftMatch.Extra : DriftMatch.Matched;
            var mispriced = match == DriftMatch.Matched && r.Fill.Price != 0 && Math.Abs(p.Fill.Price - r.Fill.Price) / r.Fill.Price * 100 > tolerancePercent;
            trades.Add(new DriftTrade(order.Strategy, order.Symbol, order.CreatedAt, order.Side, match, p.Fill, r.Fill, mispriced));
        }

        var paperReturn = paperCurve.Count == 0 || startingEquity == 0 ? 0 : (paperCurve[^1].Equity / (double)startingEquity - 1) * 100;
        var replayReturn = startingEquity == 0 ? 0 : (double)(replayFinalEquity / startingEquity - 1) * 100;
        var summary = new DriftSummary(trades.Count(t => t.Match == DriftMatch.Matched), trades.Count(t => t.Match == DriftMatch.Missed),
            trades.Count(t => t.Match == DriftMatch.Extra), trades.Count(t => t.Mispriced), paperReturn, replayReturn);

        var matched = trades.Where(t => t.Match == DriftMatch.Matched).ToList();
        var buys = matched.Where(t => t.Side == OrderSide.Buy).Select(t => t.PriceDifferenceBps).DefaultIfEmpty(0).Average();
        var sells = matched.Where(t => t.Side == OrderSide.Sell).Select(t => t.PriceDifferenceBps).DefaultIfEmpty(0).Average();
        var a = DailyReturns.Of(paperCurve, (double)startingEquity);
        var b = DailyReturns.Of(replayCurve, (double)startingEquity);
        var n = Math.Min(a.Length, b.Length);
        var correlation = n < 3 ? double.NaN : Correlation.Pearson(a.AsSpan(0, n), b.AsSpan(0, n));

        return new DriftReport
        {
            From = from,
            To = to,
            StartingEquity = startingEquity,
            CostModel = costModel,
            TolerancePercent = tolerancePercent,
            Trades = trades,
            PaperCurve = paperCurve,
            ReplayCurve = replayCurve,
            Summary = summary,
            DailyReturnCorrelation = correlation,
            MeanBuyDifferenceBps = buys,
            MeanSellDifferenceBps = sells,
            Explanation = Explain(summary, matched, buys, sells, costModel, tolerancePercent),
        };
    }

    private static string Explain(DriftSummary s, List<DriftTrade> matched, double buys, double sells, string costModel, decimal tolerance)
    {
        var fees = matched.Sum(t => t.Paper!.Fee - t.Replay!.Fee);
        var pnl = matched.Sum(t => t.PnlDifference);
        return string.Create(CultureInfo.InvariantCulture,
            $"Paper filled each market order at the broker's quote when it arrived after its bar (a buy at the ask, a sell at the bid); "
            + $"the replay filled it at the bar's close with its cost model ({costModel}). "
            + $"Over {s.Matched} matched orders paper paid on average {buys:+0.0;-0.0;0.0} bps on buys and received {sells:+0.0;-0.0;0.0} bps on sells relative to the replay; "
            + $"fees differed by {fees:0.00} and execution moved P&L by {pnl:+0.00;-0.00;0.00} in all. "
            + $"{s.Mispriced} orders differ by more than the {tolerance}% tolerance; {s.Missed} missed and {s.Extra} extra.");
    }
}
