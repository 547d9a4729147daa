namespace Keel.Alpaca.Models;

/// <summary>An order as Alpaca reports it (POST/GET /v2/orders). Timestamps stay null until they happen.</summary>
public sealed record AlpacaOrder
{
    public string Id { get; init; } = "";
    public string ClientOrderId { get; init; } = "";
    public DateTimeOffset? CreatedAt { get; init; }
    public DateTimeOffset? UpdatedAt { get; init; }
    public DateTimeOffset? SubmittedAt { get; init; }
    public DateTimeOffset? FilledAt { get; init; }
    public DateTimeOffset? ExpiredAt { get; init; }
    public DateTimeOffset? ExpiresAt { get; init; }
    public DateTimeOffset? CanceledAt { get; init; }
    public DateTimeOffset? FailedAt { get; init; }
    public DateTimeOffset? ReplacedAt { get; init; }
    public string? ReplacedBy { get; init; }
    public string? Replaces { get; init; }
    public string? AssetId { get; init; }
    public string Symbol { get; init; } = "";
    public AlpacaAssetClass AssetClass { get; init; }
    /// <summary>Null when the order was placed by <see cref="Notional"/>.</summary>
    public decimal? Qty { get; init; }
    public decimal? Notional { get; init; }
    public decimal FilledQty { get; init; }
    public decimal? FilledAvgPrice { get; init; }
    public decimal? LimitPrice { get; init; }
    public decimal? StopPrice { get; init; }
    public decimal? TrailPrice { get; init; }
    public decimal? TrailPercent { get; init; }
    /// <summary>High-water mark of a trailing stop.</summary>
    public decimal? Hwm { get; init; }
    public AlpacaOrderType Type { get; init; }
    /// <summary>Deprecated duplicate of <see cref="Type"/>, still sent.</summary>
    public AlpacaOrderType OrderType { get; init; }
    public AlpacaOrderSide Side { get; init; }
    public AlpacaTimeInForce TimeInForce { get; init; }
    public AlpacaOrderClass OrderClass { get; init; }
    public AlpacaOrderStatus Status { get; init; }
    public bool ExtendedHours { get; init; }
    public IReadOnlyList<AlpacaOrder>? Legs { get; init; }
    public string? PositionIntent { get; init; }

    [System.Text.Json.Serialization.JsonIgnore] public bool IsFinal => AlpacaOrderStatuses.IsFinal(Status);
}
