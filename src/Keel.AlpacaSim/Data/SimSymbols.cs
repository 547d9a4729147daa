namespace Keel.AlpacaSim.Data;

/// <summary>Symbol forms the sim accepts: orders take <c>BTC/USD</c> or <c>BTCUSD</c>; positions are keyed <c>BTCUSD</c>.</summary>
internal static class SimSymbols
{
    private static readonly string[] QuoteCurrencies = ["USDT", "USDC", "USD", "BTC", "ETH"];

    public static bool IsCrypto(string symbol) => symbol.Contains('/');

    public static string PositionKey(string symbol) => symbol.Replace("/", "", StringComparison.Ordinal).ToUpperInvariant();

    /// <summary>A file-safe name back to a symbol: <c>BTC-USD</c> → <c>BTC/USD</c>; <c>BRK-B</c> stays.</summary>
    public static string FromFileName(string name)
    {
        var upper = name.ToUpperInvariant();
        foreach (var quote in QuoteCurrencies)
        {
            if (upper.EndsWith("-" + quote, StringComparison.Ordinal) && upper.Length > quote.Length + 1)
                return upper[..^(quote.Length + 1)] + "/" + quote;
        }
        return upper;
    }
}
