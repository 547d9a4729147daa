using Keel.Core.Persistence;

namespace Keel.Dashboard.Live;

/// <summary>
/// Each strategy's closed trades folded as they arrive (the store may hold tens of thousands): count, wins, net
/// P&amp;L and fees exactly, and the deepest fall of its cumulative net P&amp;L from a previous high.
/// </summary>
internal sealed class StrategyTally
{
    private readonly Lock _gate = new();
    private readonly Dictionary<string, Totals> _byStrategy = new(StringComparer.Ordinal);
    private long _lastId;

    internal sealed class Totals
    {
        public int Trades;
        public int Wins;
        public decimal NetPnl;
        public decimal Fees;
        public decimal Peak;
        public decimal MaxDrawdown;
    }

    public void Refresh(ITradingStoreReader reader)
    {
        lock (_gate)
        {
            foreach (var row in reader.TradesAfter(_lastId))
            {
                var trade = row.Trade;
                if (!_byStrategy.TryGetValue(trade.Strategy, out var totals)) _byStrategy[trade.Strategy] = totals = new Totals();
                var net = trade.NetPnl;
                totals.Trades++;
                if (net > 0) totals.Wins++;
                totals.NetPnl += net;
                totals.Fees += trade.Fees;
                totals.Peak = Math.Max(totals.Peak, totals.NetPnl);
                totals.MaxDrawdown = Math.Max(totals.MaxDrawdown, totals.Peak - totals.NetPnl);
                _lastId = row.Id;
            }
        }
    }

    public IReadOnlyList<(string Strategy, int Trades, int Wins, decimal NetPnl, decimal Fees, decimal MaxDrawdown)> Snapshot()
    {
        lock (_gate)
            return _byStrategy.OrderBy(p => p.Key, StringComparer.Ordinal)
                .Select(p => (p.Key, p.Value.Trades, p.Value.Wins, p.Value.NetPnl, p.Value.Fees, p.Value.MaxDrawdown)).ToList();
    }
}
