using Keel.Alpaca.Http;
using Keel.Alpaca.Models;

namespace Keel.Alpaca;

// Market data: stock and crypto bars (paged by next_page_token), latest quotes.
public sealed partial class AlpacaClient
{
    private const string CryptoPath = "/v1beta3/crypto/us";

    /// <summary>One page of a single stock's bars; pass the previous page's <c>next_page_token</c> to continue.</summary>
    public async Task<AlpacaSymbolBarsPage> GetStockBarsPageAsync(string symbol, AlpacaBarsRequest request, string? pageToken = null, CancellationToken ct = default)
    {
        var path = $"/v2/stocks/{Segment(symbol)}/bars" + BarsQuery(request, pageToken, symbols: null, stocks: true);
        return (await _http.GetAsync(Data, path, Json.AlpacaSymbolBarsPage, ct).ConfigureAwait(false))!;
    }

    /// <summary>All bars of one stock in the range, every page followed.</summary>
    public async Task<IReadOnlyList<AlpacaBar>> GetStockBarsAsync(string symbol, AlpacaBarsRequest request, CancellationToken ct = default)
    {
        var bars = new List<AlpacaBar>();
        string? token = null;
        do
        {
            var page = await GetStockBarsPageAsync(symbol, request, token, ct).ConfigureAwait(false);
            if (page.Bars is not null) bars.AddRange(page.Bars);
            token = page.NextPageToken;
        } while (!string.IsNullOrEmpty(token));
        return bars;
    }

    /// <summary>All bars of several stocks (multi-symbol endpoint), every page followed and merged per symbol.</summary>
    public Task<IReadOnlyDictionary<string, IReadOnlyList<AlpacaBar>>> GetStockBarsAsync(
        IReadOnlyCollection<string> symbols, AlpacaBarsRequest request, CancellationToken ct = default) =>
        GetMultiBarsAsync("/v2/stocks/bars", symbols, request, stocks: true, ct);

    /// <summary>All bars of crypto pairs (<c>BTC/USD</c>, with the slash), every page followed and merged per pair.</summary>
    public Task<IReadOnlyDictionary<string, IReadOnlyList<AlpacaBar>>> GetCryptoBarsAsync(
        IReadOnlyCollection<string> pairs, AlpacaBarsRequest request, CancellationToken ct = default) =>
        GetMultiBarsAsync(CryptoPath + "/bars", pairs, request, stocks: false, ct);

    /// <summary>One page of a multi-symbol bars endpoint, for callers that stream pages themselves.</summary>
    public async Task<AlpacaMultiBarsPage> GetMultiBarsPageAsync(bool crypto, IReadOnlyCollection<string> symbols, AlpacaBarsRequest request, string? pageToken = null, CancellationToken ct = default)
    {
        var path = (crypto ? CryptoPath + "/bars" : "/v2/stocks/bars") + BarsQuery(request, pageToken, symbols, stocks: !crypto);
        return (await _http.GetAsync(Data, path, Json.AlpacaMultiBarsPage, ct).ConfigureAwait(false))!;
    }

    private async Task<IReadOnlyDictionary<string, IReadOnlyList<AlpacaBar>>> GetMultiBarsAsync(
        string path, IReadOnlyCollection<string> symbols, AlpacaBarsRequest request, bool stocks, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(symbols);
        if (symbols.Count == 0) throw new ArgumentException("Give at least one symbol.", nameof(symbols));
        var merged = new Dictionary<string, List<AlpacaBar>>(StringComparer.Ordinal);
        string? token = null;
        do
        {
            var page = (await _http.GetAsync(Data, path + BarsQuery(request, token, symbols, stocks), Json.AlpacaMultiBarsPage, ct).ConfigureAwait(false))!;
            foreach (var (symbol, bars) in page.Bars ?? new Dictionary<string, IReadOnlyList<AlpacaBar>>())
            {
                if (!merged.TryGetValue(symbol, out var list)) merged[symbol] = list = [];
                list.AddRange(bars);
            }
            token = page.NextPageToken;
        } while (!string.IsNullOrEmpty(token));
        return merged.ToDictionary(p => p.Key, p => (IReadOnlyList<AlpacaBar>)p.Value, StringComparer.Ordinal);
    }

    /// <summary>The latest quote of one stock.</summary>
    public async Task<AlpacaQuote?> GetLatestStockQuoteAsync(string symbol, string? feed = null, CancellationToken ct = default)
    {
        var path = $"/v2/stocks/{Segment(symbol)}/quotes/latest" + new QueryString().Add("feed", feed);
        return (await _http.GetAsync(Data, path, Json.AlpacaSymbolQuote, ct).ConfigureAwait(false))!.Quote;
    }

    /// <summary>The latest quotes of several stocks; unknown symbols are simply absent.</summary>
    public async Task<IReadOnlyDictionary<string, AlpacaQuote>> GetLatestStockQuotesAsync(IReadOnlyCollection<string> symbols, string? feed = null, CancellationToken ct = default)
    {
        var path = "/v2/stocks/quotes/latest" + new QueryString().Add("symbols", string.Join(',', symbols)).Add("feed", feed);
        var answer = await _http.GetAsync(Data, path, Json.AlpacaLatestQuotes, ct).ConfigureAwait(false);
        return answer!.Quotes ?? new Dictionary<string, AlpacaQuote>();
    }

    /// <summary>The latest quotes of crypto pairs (<c>BTC/USD</c>); Alpaca has only the multi-symbol form for crypto.</summary>
    public async Task<IReadOnlyDictionary<string, AlpacaQuote>> GetLatestCryptoQuotesAsync(IReadOnlyCollection<string> pairs, CancellationToken ct = default)
    {
        var path = CryptoPath + "/latest/quotes" + new QueryString().Add("symbols", string.Join(',', pairs));
        var answer = await _http.GetAsync(Data, path, Json.AlpacaLatestQuotes, ct).ConfigureAwait(false);
        return answer!.Quotes ?? new Dictionary<string, AlpacaQuote>();
    }

    private static QueryString BarsQuery(AlpacaBarsRequest request, string? pageToken, IReadOnlyCollection<string>? symbols, bool stocks)
    {
        ArgumentNullException.ThrowIfNull(request);
        var query = new QueryString()
            .Add("symbols", symbols is null ? null : string.Join(',', symbols))
            .Add("timeframe", request.Timeframe.ToString())
            .Add("start", request.Start)
            .Add("end", request.End)
            .Add("limit", request.Limit)
            .Add("page_token", pageToken)
            .Add("sort", request.Sort is { } sort ? AlpacaEnumName(sort) : null);
        if (stocks) query.Add("adjustment", request.Adjustment).Add("feed", request.Feed);
        return query;
    }
}
