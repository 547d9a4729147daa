namespace Keel.Alpaca.Models;

/// <summary>
/// One event of the <c>trade_updates</c> stream. <see cref="Event"/> is an order status (<c>new</c>,
/// <c>canceled</c>, ...) or <c>fill</c>/<c>partial_fill</c>; for those, <see cref="Price"/> and <see cref="Qty"/>
/// describe this execution while <see cref="Order"/> holds the cumulative <c>filled_qty</c> and average.
/// </summary>
public sealed record AlpacaTradeUpdate
{
    public string Event { get; init; } = "";
    public string? ExecutionId { get; init; }
    public AlpacaOrder Order { get; init; } = new();
    public DateTimeOffset? Timestamp { get; init; }
    public decimal? Price { get; init; }
    public decimal? Qty { get; init; }
    /// <summary>The position after a fill (negative when short).</summary>
    public decimal? PositionQty { get; init; }
}
