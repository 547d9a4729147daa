using Keel.Core.Domain;

namespace Keel.Core.Trading;

/// <summary>
/// A position at the broker: the symbol as the broker writes it, the net quantity and its current price
/// (null when the broker gave none).
/// </summary>
public sealed record BrokerPosition(string Ticker, decimal Quantity, decimal? CurrentPrice)
{
    /// <summary>Whether this is <paramref name="symbol"/>'s position; crypto may be written with or without its slash (<c>BTCUSD</c>).</summary>
    public bool Holds(Symbol symbol) => SymbolForms.PositionKey(Ticker) == SymbolForms.PositionKey(symbol.Ticker);
}
