using Keel.Core.Domain;

namespace Keel.Data;

/// <summary>
/// Maps file names to symbols. Deliberately simple and predictable; callers can always pass the
/// symbol explicitly instead.
/// </summary>
internal static class SymbolFileNames
{
    /// <summary>Quote currencies that mark a name as a crypto pair.</summary>
    private static readonly string[] CryptoQuotes = ["USDT", "USDC", "USD"];

    /// <summary>
    /// Guesses the symbol of an arbitrary data file: the part of the name before the first '-' or '_',
    /// upper-cased. A part ending in USD/USDT/USDC (btcusd → BTC/USD), or followed by one of those as the
    /// next part (BTC-USD → BTC/USD), is a crypto pair. Returns null when nothing usable is left.
    /// </summary>
    public static Symbol? InferFromPath(string path)
    {
        var parts = Path.GetFileNameWithoutExtension(path).ToUpperInvariant().Split('-', '_');
        var first = parts[0];
        if (!first.All(char.IsAsciiLetterOrDigit) || first.Length == 0) return null;
        if (parts.Length > 1 && CryptoQuotes.Contains(parts[1]) && first.All(char.IsAsciiLetter))
            return new Symbol($"{first}/{parts[1]}", AssetClass.Crypto);
        foreach (var quote in CryptoQuotes)
        {
            if (first.Length > quote.Length + 1 && first.EndsWith(quote, StringComparison.Ordinal) && first.All(char.IsAsciiLetter))
                return new Symbol($"{first[..^quote.Length]}/{quote}", AssetClass.Crypto);
        }
        return new Symbol(first, AssetClass.UsEquity);
    }

    /// <summary>
    /// The symbol behind a <see cref="Symbol.FileSafeName"/>: <c>BTC-USD</c> is the pair BTC/USD because
    /// its last part is a quote currency; anything else (<c>AAPL</c>, <c>BRK-B</c>) is an equity ticker.
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
}
