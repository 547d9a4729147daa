using Keel.Core.Domain;

namespace Keel.Alpaca;

/// <summary>
/// The one place that knows Alpaca's symbol forms: orders and market data take <c>BTC/USD</c>; positions
/// are keyed <c>BTCUSD</c> (the slashed form gives 404 there). Equities are the same everywhere.
/// </summary>
public static class AlpacaSymbols
{
    /// <summary>The form orders and market data use: <c>AAPL</c>, <c>BTC/USD</c>.</summary>
    public static string ToApi(Symbol symbol) => symbol.Ticker;

    /// <summary>The form positions use: <c>BTCUSD</c>.</summary>
    public static string ToPositionKey(Symbol symbol) => SymbolForms.PositionKey(symbol.Ticker);

    /// <inheritdoc cref="ToPositionKey(Symbol)"/>
    public static string ToPositionKey(string symbol) => SymbolForms.PositionKey(symbol);

    /// <summary>
    /// Reads a symbol as Alpaca wrote it. Crypto without a slash (<c>BTCUSD</c>) is split at a known quote
    /// currency; anything else with a slash is crypto, the rest equities.
    /// </summary>
    public static Symbol FromApi(string text, Models.AlpacaAssetClass assetClass = Models.AlpacaAssetClass.Unknown)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(text);
        var upper = text.Trim().ToUpperInvariant();
        if (upper.Contains('/')) return new Symbol(upper, AssetClass.Crypto);
        if (assetClass == Models.AlpacaAssetClass.Crypto)
        {
            if (SymbolForms.SplitCryptoPair(upper) is { } pair) return new Symbol(pair, AssetClass.Crypto);
            throw new FormatException($"Cannot tell the quote currency of crypto symbol '{text}'.");
        }
        return new Symbol(upper, AssetClass.UsEquity);
    }
}
