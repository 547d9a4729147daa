namespace Keel.Alpaca.Models;

/// <summary>GET /v2/stocks/{symbol}/quotes/latest.</summary>
public sealed record AlpacaSymbolQuote
{
    public string Symbol { get; init; } = "";
    public AlpacaQuote? Quote { get; init; }
}

/// <summary>The multi-symbol latest quotes (stocks, and crypto which has only this form), keyed by symbol.</summary>
public sealed record AlpacaLatestQuotes
{
    public IReadOnlyDictionary<string, AlpacaQuote>? Quotes { get; init; }
}
