using System.Text.RegularExpressions;
using Keel.Alpaca.Json;
using Keel.Alpaca.Models;
using Keel.AlpacaSim.Data;
using Keel.AlpacaSim.Market;
using Keel.Core.Domain;

namespace Keel.AlpacaSim.Http;

/// <summary>
/// The market-data API: stock bars (single and multi-symbol), crypto bars (v1beta3, multi only, pairs
/// with a slash), latest quotes. Bars are served as loaded, in the requested timeframe only (no resampling).
/// </summary>
internal static partial class MarketDataEndpoints
{
    private static readonly string[] Feeds = ["iex", "sip", "delayed_sip", "otc", "boats", "overnight"];
    private static readonly string[] Adjustments = ["raw", "split", "dividend", "all"];

    private static AlpacaJsonContext Json => AlpacaJsonContext.Default;

    [GeneratedRegex("^[A-Z0-9]+/[A-Z0-9]+$")]
    private static partial Regex PairPattern();

    public static void Map(WebApplication app, BarStore bars, QuoteBook quotes, SimClock clock)
    {
        app.MapGet("/v2/stocks/{symbol}/bars", (string symbol, HttpRequest request) =>
        {
            var result = Bars(bars, clock, request, [symbol.ToUpperInvariant()], stocks: true);
            if (result.Problem is { } problem) return ApiResults.DataError(400, problem);
            var list = result.Page.Select(i => i.Bar).ToList();
            return ApiResults.Ok(new AlpacaSymbolBarsPage
            {
                Bars = list.Count == 0 ? null : list, Symbol = symbol.ToUpperInvariant(), NextPageToken = result.NextToken,
            }, Json.AlpacaSymbolBarsPage);
        });

        app.MapGet("/v2/stocks/bars", (HttpRequest request) => MultiBars(bars, clock, request, stocks: true));
        app.MapGet("/v1beta3/crypto/us/bars", (HttpRequest request) => MultiBars(bars, clock, request, stocks: false));

        app.MapGet("/v2/stocks/{symbol}/quotes/latest", (string symbol) =>
            quotes.Latest(symbol) is { } quote
                ? ApiResults.Ok(new AlpacaSymbolQuote { Symbol = symbol.ToUpperInvariant(), Quote = StockQuote(quote) }, Json.AlpacaSymbolQuote)
                : ApiResults.DataError(404, $"no quote found for {symbol.ToUpperInvariant()}"));

        app.MapGet("/v2/stocks/quotes/latest", (HttpRequest request) => LatestQuotes(quotes, request, stocks: true));
        app.MapGet("/v1beta3/crypto/us/latest/quotes", (HttpRequest request) => LatestQuotes(quotes, request, stocks: false));
    }

    private static IResult MultiBars(BarStore bars, SimClock clock, HttpRequest request, bool stocks)
    {
        var symbols = new QueryValues(request).List("symbols");
        if (symbols is null || symbols.Count == 0) return ApiResults.DataError(400, "symbols is required");
        var result = Bars(bars, clock, request, symbols, stocks);
        if (result.Problem is { } problem) return ApiResults.DataError(400, problem);
        var bySymbol = result.Page.GroupBy(i => i.Symbol, StringComparer.Ordinal)
            .ToDictionary(g => g.Key, g => (IReadOnlyList<AlpacaBar>)g.Select(i => i.Bar).ToList(), StringComparer.Ordinal);
        return ApiResults.Ok(new AlpacaMultiBarsPage { Bars = bySymbol, NextPageToken = result.NextToken }, Json.AlpacaMultiBarsPage);
    }

    private static (List<(string Symbol, AlpacaBar Bar)> Page, string? NextToken, string? Problem) Bars(
        BarStore bars, SimClock clock, HttpRequest request, IReadOnlyList<string> symbols, bool stocks)
    {
        var query = new QueryValues(request);
        if (!stocks && symbols.FirstOrDefault(s => !PairPattern().IsMatch(s)) is { } bad)
            return ([], null, $"invalid symbol: {bad} does not match ^[A-Z]+/[A-Z]+$");
        if (!Timeframe.TryParse(query.Text("timeframe"), out var timeframe, out _))
            return ([], null, $"invalid timeframe: '{query.Text("timeframe")}'");
        var now = clock.GetUtcNow();
        var today = DateOnly.FromDateTime(MarketHours.ToEastern(now).DateTime);
        var start = query.Time("start") ?? MarketHours.AtEastern(today, TimeOnly.MinValue);
        var end = query.Time("end") ?? now;
        var limit = query.Int("limit", 1000, 1, 10_000);
        var descending = query.OneOf("sort", "asc", "asc", "desc") == "desc";
        if (stocks)
        {
            query.OneOf("feed", "iex", Feeds);
            query.OneOf("adjustment", "raw", Adjustments);
        }
        if (query.Problem is { } problem) return ([], null, problem);

        var ordered = symbols.Distinct().Order(StringComparer.Ordinal).SelectMany(symbol =>
        {
            var inRange = bars.Get(symbol, timeframe).Where(b => b.Timestamp >= start && b.Timestamp <= end);
            if (descending) inRange = inRange.Reverse();
            return inRange.Select(b => (symbol, b));
        });
        return BarPaging.Take(ordered, limit, query.Text("page_token"));
    }

    private static IResult LatestQuotes(QuoteBook quotes, HttpRequest request, bool stocks)
    {
        var symbols = new QueryValues(request).List("symbols");
        if (symbols is null || symbols.Count == 0) return ApiResults.DataError(400, "symbols is required");
        if (!stocks && symbols.FirstOrDefault(s => !PairPattern().IsMatch(s)) is { } bad)
            return ApiResults.DataError(400, $"invalid symbol: {bad} does not match ^[A-Z]+/[A-Z]+$");
        var found = new Dictionary<string, AlpacaQuote>(StringComparer.Ordinal);
        foreach (var symbol in symbols)
        {
            if (quotes.Latest(symbol) is { } quote) found[symbol] = stocks ? StockQuote(quote) : quote;
        }
        return ApiResults.Ok(new AlpacaLatestQuotes { Quotes = found }, Json.AlpacaLatestQuotes);
    }

    /// <summary>Stock quotes carry exchanges, conditions and a tape; crypto quotes do not.</summary>
    private static AlpacaQuote StockQuote(AlpacaQuote quote) =>
        quote with { AskExchange = "V", BidExchange = "V", Conditions = ["R"], Tape = "C" };
}
