using Keel.Core.Trading;

namespace Keel.Core.Metrics;

/// <summary>Counts and sums over the closed trades, in decimal like the ledger they came from.</summary>
internal readonly record struct TradeStatistics(
    int Count,
    int Winners,
    int Losers,
    decimal GrossWins,
    decimal GrossLosses,
    decimal NetPnl)
{
    public static TradeStatistics Of(IReadOnlyList<Trade> trades)
    {
        var statistics = default(TradeStatistics);
        for (var i = 0; i < trades.Count; i++) statistics = statistics.Add(trades[i]);
        return statistics;
    }

    /// <summary>These statistics with one more trade: a run can fold its trades in as they close instead of keeping them.</summary>
    public TradeStatistics Add(Trade trade)
    {
        var pnl = trade.NetPnl;
        var sign = decimal.Sign(pnl); // read off the bits once, where each comparison would be a call
        // A break-even trade counts as a trade but neither a win nor a loss.
        return new TradeStatistics(
            Count + 1,
            sign > 0 ? Winners + 1 : Winners,
            sign < 0 ? Losers + 1 : Losers,
            sign > 0 ? GrossWins + pnl : GrossWins,
            sign < 0 ? GrossLosses + pnl : GrossLosses,
            NetPnl + pnl);
    }
}
