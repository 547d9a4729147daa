namespace Keel.Alpaca.Models;

/// <summary>
/// A FILL account activity. <see cref="Price"/> and <see cref="Qty"/> describe this execution;
/// <see cref="CumQty"/> and <see cref="LeavesQty"/> the order after it. <see cref="Id"/> is also the paging token.
/// </summary>
public sealed record AlpacaFillActivity
{
    public string Id { get; init; } = "";
    public string ActivityType { get; init; } = "";
    public DateTimeOffset TransactionTime { get; init; }
    /// <summary>"fill" or "partial_fill".</summary>
    public string Type { get; init; } = "";
    public decimal Price { get; init; }
    public decimal Qty { get; init; }
    public AlpacaOrderSide Side { get; init; }
    public string Symbol { get; init; } = "";
    public decimal LeavesQty { get; init; }
    public string OrderId { get; init; } = "";
    public decimal CumQty { get; init; }
    public AlpacaOrderStatus OrderStatus { get; init; }
}
