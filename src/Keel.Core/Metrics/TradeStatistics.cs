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
        var winners = 0;
        var losers = 0;
        var grossWins = 0m;
        var grossLosses = 0m;
        var net = 0m;
        for (var i = 0; i < trades.Count; i++)
        {
            var pnl = trades[i].NetPnl;
            net += pnl;
            if (pnl > 0) { winners++; grossWins += pnl; }
            else if (pnl < 0) { losers++; grossLosses += pnl; }
            // A break-even trade counts as a trade but neither a win nor a loss.
        }
        return new TradeStatistics(trades.Count, winners, losers, grossWins, grossLosses, net);
    }
}
