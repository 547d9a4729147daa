namespace Keel.Core.Domain;

/// <summary>
/// Top of book: the latest bid and ask with their sizes. Decimal because the broker sizes and
/// validates orders from it.
/// </summary>
public sealed record Quote
{
    public Symbol Symbol { get; }
    public DateTime Timestamp { get; }
    public decimal BidPrice { get; }
    public decimal BidSize { get; }
    public decimal AskPrice { get; }
    public decimal AskSize { get; }

    public Quote(Symbol symbol, DateTime timestamp, decimal bidPrice, decimal bidSize, decimal askPrice, decimal askSize)
    {
        ArgumentNullException.ThrowIfNull(symbol);
        if (timestamp.Kind != DateTimeKind.Utc)
            throw new ArgumentException($"Quote time {timestamp:O} must be UTC.", nameof(timestamp));
        if (bidPrice < 0 || askPrice < 0 || bidSize < 0 || askSize < 0)
            throw new ArgumentException($"Quote for {symbol} has a negative price or size (bid {bidPrice}x{bidSize}, ask {askPrice}x{askSize}).");
        if (bidPrice > 0 && askPrice > 0 && askPrice < bidPrice)
            throw new ArgumentException($"Quote for {symbol} is crossed: ask {askPrice} below bid {bidPrice}.");
        Symbol = symbol;
        Timestamp = timestamp;
        BidPrice = bidPrice;
        BidSize = bidSize;
        AskPrice = askPrice;
        AskSize = askSize;
    }

    /// <summary>The mid price, or whichever side is present when the other is zero.</summary>
    public decimal Mid => BidPrice > 0 && AskPrice > 0 ? (BidPrice + AskPrice) / 2 : Math.Max(BidPrice, AskPrice);
}
