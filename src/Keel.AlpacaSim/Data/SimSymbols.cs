using Keel.Core.Domain;

namespace Keel.AlpacaSim.Data;

/// <summary>Symbol forms the sim accepts: orders take <c>BTC/USD</c> or <c>BTCUSD</c>; positions are keyed <c>BTCUSD</c> (all through <see cref="SymbolForms"/>).</summary>
internal static class SimSymbols
{
    public static bool IsCrypto(string symbol) => symbol.Contains('/');

    public static string PositionKey(string symbol) => SymbolForms.PositionKey(symbol);

    /// <summary>A file-safe name back to a symbol: <c>BTC-USD</c> → <c>BTC/USD</c>; <c>BRK-B</c> stays.</summary>
    public static string FromFileName(string name) => SymbolForms.FromFileSafeName(name)?.Ticker ?? name.ToUpperInvariant();
}
