using Keel.Alpaca.Models;
using Keel.Core.Domain;
using Keel.Core.MarketData;

namespace Keel.Alpaca;

/// <summary>
/// Market data from Alpaca: stock bars (every page, with the given feed and adjustment) and crypto bars
/// from v1beta3; latest quotes for both. Every bar passes Keel's validation on the way in.
/// </summary>
public sealed class AlpacaMarketData(AlpacaClient client, string feed = "iex", string adjustment = "split") : IMarketDataProvider
{
    public async Task<BarSeries> GetBarsAsync(Symbol symbol, Timeframe timeframe, DateTime fromUtc, DateTime toUtc, CancellationToken ct = default)
    {
        var request = new AlpacaBarsRequest
        {
            Timeframe = timeframe,
            Start = new DateTimeOffset(DateTime.SpecifyKind(fromUtc, DateTimeKind.Utc)),
            End = new DateTimeOffset(DateTime.SpecifyKind(toUtc, DateTimeKind.Utc)),
            Feed = symbol.IsCrypto ? null : feed,
            Adjustment = symbol.IsCrypto ? null : adjustment,
        };
        IReadOnlyList<AlpacaBar> bars;
        if (symbol.IsCrypto)
        {
            var bySymbol = await client.GetCryptoBarsAsync([symbol.Ticker], request, ct).ConfigureAwait(false);
            bars = bySymbol.TryGetValue(symbol.Ticker, out var found) ? found : [];
        }
        else
        {
            bars = await client.GetStockBarsAsync(symbol.Ticker, request, ct).ConfigureAwait(false);
        }
        return new BarSeries(symbol, timeframe, bars.Select(b => AlpacaBarConversion.ToBar(b, symbol, timeframe)).ToArray());
    }

    public async Task<Quote> GetLatestQuoteAsync(Symbol symbol, CancellationToken ct = default)
    {
        AlpacaQuote? quote;
        if (symbol.IsCrypto)
        {
            var quotes = await client.GetLatestCryptoQuotesAsync([symbol.Ticker], ct).ConfigureAwait(false);
            quote = quotes.TryGetValue(symbol.Ticker, out var q) ? q : null;
        }
        else
        {
            quote = await client.GetLatestStockQuoteAsync(symbol.Ticker, feed, ct).ConfigureAwait(false);
        }
        if (quote is null) throw new InvalidOperationException($"Alpaca has no latest quote for {symbol}.");
        return new Quote(symbol, quote.Timestamp.UtcDateTime, quote.BidPrice, quote.BidSize, quote.AskPrice, quote.AskSize);
    }
}
