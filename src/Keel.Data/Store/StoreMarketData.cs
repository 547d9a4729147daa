using Keel.Core.Domain;
using Keel.Core.MarketData;

namespace Keel.Data.Store;

/// <summary>
/// Market data from the local bar store. A store has no quotes, so the latest quote is the last stored
/// close on both sides (zero spread) at that bar's time: good enough to size orders offline, and said so.
/// </summary>
public sealed class StoreMarketData(LocalBarStore store, Timeframe quoteTimeframe) : IMarketDataProvider
{
    public Task<BarSeries> GetBarsAsync(Symbol symbol, Timeframe timeframe, DateTime fromUtc, DateTime toUtc, CancellationToken ct = default)
    {
        return Task.FromResult(store.Load(symbol, timeframe).Between(fromUtc, toUtc));
    }

    public Task<Quote> GetLatestQuoteAsync(Symbol symbol, CancellationToken ct = default)
    {
        var series = store.Load(symbol, quoteTimeframe);
        if (series.Count == 0) throw new InvalidOperationException($"The store has no {quoteTimeframe} bars of {symbol} to quote from.");
        var last = series[series.Count - 1];
        var price = (decimal)last.Close;
        return Task.FromResult(new Quote(symbol, last.Timestamp, price, 0, price, 0));
    }
}
