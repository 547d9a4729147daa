namespace Keel.Core.Domain;

/// <summary>
/// The one mapping between symbols and the other ways they are written: Alpaca's position keys
/// (<c>BTCUSD</c>), file-safe names (<c>BTC-USD</c>) and names of data files (<c>btcusd_daily.csv</c>,
/// <c>EURUSD.csv</c>). Alpaca, the sim and the bar store all read symbols through it, so they agree on
/// which quote currencies make a crypto pair.
/// </summary>
public static class SymbolForms
{
    /// <summary>Quote currencies of crypto pairs, longest first so USDT is tried before USD.</summary>
    public static IReadOnlyList<string> CryptoQuotes { get; } = ["USDT", "USDC", "USD", "BTC", "ETH"];

    /// <summary>ISO codes of the currencies whose pairs (both sides) are read as FX rather than crypto.</summary>
    public static IReadOnlyList<string> FiatCurrencies { get; } = ["USD", "EUR", "GBP", "JPY", "CHF", "AUD", "NZD", "CAD", "SEK", "NOK", "DKK", "HKD", "SGD", "MXN", "ZAR", "TRY", "CNH", "PLN"];

    /// <summary>The key Alpaca gives positions: <c>BTC/USD</c> → <c>BTCUSD</c>; equities as they are.</summary>
    public static string PositionKey(string symbol) => symbol.Replace("/", "", StringComparison.Ordinal).Trim().ToUpperInvariant();

    /// <summary>A slashless crypto pair back to its parts: <c>BTCUSD</c> → <c>BTC/USD</c>; null when no known quote currency ends it.</summary>
    public static string? SplitCryptoPair(string joined)
    {
        var upper = joined.Trim().ToUpperInvariant();
        foreach (var quote in CryptoQuotes)
        {
            if (upper.Length > quote.Length && upper.EndsWith(quote, StringComparison.Ordinal)) return $"{upper[..^quote.Length]}/{quote}";
        }
        return null;
    }

    /// <summary>
    /// The symbol behind a <see cref="Symbol.FileSafeName"/>: <c>BTC-USD</c> is the pair BTC/USD because its
    /// last part is a crypto quote currency; anything else (<c>AAPL</c>, <c>BRK-B</c>) is an equity ticker.
    /// Null when the name cannot be a symbol.
    /// </summary>
    public static Symbol? FromFileSafeName(string name)
    {
        var dash = name.LastIndexOf('-');
        try
        {
            if (dash > 0 && CryptoQuotes.Contains(name[(dash + 1)..].ToUpperInvariant()))
                return new Symbol($"{name[..dash]}/{name[(dash + 1)..]}", AssetClass.Crypto);
            return new Symbol(name, AssetClass.UsEquity);
        }
        catch (ArgumentException)
        {
            return null;
        }
    }

    /// <summary>The ticker and asset class a data file's name suggests, with the rule that decided it.</summary>
    public sealed record NameGuess(string Ticker, AssetClass AssetClass, string Rule);

    /// <summary>
    /// Reads a data file's name (without folder or extension): the part before the first '-' or '_' is the
    /// ticker. Two fiat currency codes (<c>EURUSD</c>, <c>EUR-USD</c>) are an FX pair; a name ending in a
    /// crypto quote currency (<c>btcusd</c>) or followed by one (<c>BTC-USD</c>) is a crypto pair; the rest
    /// are equity tickers. Null, with the reason, when the name cannot be a ticker (it must start with a letter).
    /// </summary>
    public static NameGuess? FromDataFileName(string fileName, out string problem)
    {
        problem = "";
        var parts = fileName.ToUpperInvariant().Split('-', '_');
        var first = parts[0];
        if (first.Length == 0 || !first.All(char.IsAsciiLetterOrDigit) || !char.IsAsciiLetter(first[0]))
        {
            problem = $"the file name '{fileName}' does not start with a ticker (letters first, then letters or digits)";
            return null;
        }
        var letters = first.All(char.IsAsciiLetter);
        if (letters && parts.Length > 1 && first.Length == 3 && FiatCurrencies.Contains(first) && FiatCurrencies.Contains(parts[1]))
            return new($"{first}/{parts[1]}", AssetClass.Fx, $"name rule: '{first}' and '{parts[1]}' are currency codes, an FX pair");
        if (letters && first.Length == 6 && FiatCurrencies.Contains(first[..3]) && FiatCurrencies.Contains(first[3..]))
            return new($"{first[..3]}/{first[3..]}", AssetClass.Fx, $"name rule: '{first}' is two currency codes, an FX pair");
        if (letters && parts.Length > 1 && CryptoQuotes.Contains(parts[1]))
            return new($"{first}/{parts[1]}", AssetClass.Crypto, $"name rule: '{first}-{parts[1]}' ends in the crypto quote currency {parts[1]}");
        foreach (var quote in CryptoQuotes)
        {
            if (letters && first.Length > quote.Length + 1 && first.EndsWith(quote, StringComparison.Ordinal))
                return new($"{first[..^quote.Length]}/{quote}", AssetClass.Crypto, $"name rule: '{first}' ends in the crypto quote currency {quote}");
        }
        return new(first, AssetClass.UsEquity, $"name rule: '{first}' is read as an equity ticker");
    }
}
