using Keel.Core.Domain;

namespace Keel.Core.MarketData;

/// <summary>
/// Where the engine gets prices: history for warm-up and backtests, and the latest quote that sizes and
/// validates an order. The local bar store answers in a backtest; Alpaca's market data in paper and live.
/// </summary>
public interface IMarketDataProvider
{
    /// <summary>Bars whose open time is in [<paramref name="fromUtc"/>, <paramref name="toUtc"/>], oldest first.</summary>
    Task<BarSeries> GetBarsAsync(Symbol symbol, Timeframe timeframe, DateTime fromUtc, DateTime toUtc, CancellationToken ct = default);

    Task<Quote> GetLatestQuoteAsync(Symbol symbol, CancellationToken ct = default);
}
