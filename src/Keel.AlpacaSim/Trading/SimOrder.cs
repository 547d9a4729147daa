using Keel.Alpaca.Models;

namespace Keel.AlpacaSim.Trading;

/// <summary>The sim's mutable record of one order (or bracket leg); <see cref="ToAlpaca"/> is what clients see.</summary>
internal sealed class SimOrder
{
    public required string Id { get; init; }
    public required string ClientOrderId { get; init; }
    public required long Sequence { get; init; }
    public required string Symbol { get; init; }
    public required string AssetId { get; init; }
    public required AlpacaAssetClass AssetClass { get; init; }
    public required AlpacaOrderSide Side { get; init; }
    public required AlpacaOrderType Type { get; init; }
    public required AlpacaTimeInForce TimeInForce { get; init; }
    public required AlpacaOrderClass OrderClass { get; init; }
    public required DateTimeOffset CreatedAt { get; init; }
    public decimal? Qty { get; set; }
    public decimal? Notional { get; init; }
    public decimal? LimitPrice { get; init; }
    public decimal? StopPrice { get; set; }
    public decimal? TrailPrice { get; init; }
    public decimal? TrailPercent { get; init; }
    public decimal? Hwm { get; set; }
    public bool ExtendedHours { get; init; }
    public AlpacaOrderStatus Status { get; set; }
    public decimal FilledQty { get; set; }
    public decimal? FilledAvgPrice { get; set; }
    public DateTimeOffset UpdatedAt { get; set; }
    public DateTimeOffset? FilledAt { get; set; }
    public DateTimeOffset? ExpiresAt { get; set; }
    public DateTimeOffset? ExpiredAt { get; set; }
    public DateTimeOffset? CanceledAt { get; set; }
    public DateTimeOffset? FailedAt { get; set; }
    public DateTimeOffset? ReplacedAt { get; set; }
    public string? ReplacedBy { get; set; }
    public string? Replaces { get; init; }
    /// <summary>When a cancel left in <c>pending_cancel</c> takes effect.</summary>
    public DateTimeOffset? CancelDueAt { get; set; }
    public bool StopTriggered { get; set; }
    /// <summary>When the order started working (accepted when the market was open, or released by its parent's fill).</summary>
    public DateTimeOffset? WorkingSince { get; set; }
    /// <summary>Where the bars a resting order has not yet been held against begin (see <c>SimBroker.BarPathFill</c>).</summary>
    public DateTimeOffset? PathFrom { get; set; }
    /// <summary>For notional orders: the quantity fixed at the first fill.</summary>
    public decimal? TargetQty { get; set; }
    public SimOrder? Parent { get; init; }
    /// <summary>Legs, in the order they were placed; a replaced leg gives its place to its replacement.</summary>
    public List<SimOrder> Legs { get; } = [];

    /// <summary>The order works from <paramref name="now"/> on (the first time only): its bar path starts there.</summary>
    public void StartWorking(DateTimeOffset now)
    {
        if (WorkingSince is not null) return;
        WorkingSince = PathFrom = now;
    }

    public bool IsOpen => !AlpacaOrderStatuses.IsFinal(Status);
    public bool IsCrypto => AssetClass == AlpacaAssetClass.Crypto;
    public decimal? Remaining => (Qty ?? TargetQty) is { } q ? q - FilledQty : null;

    public AlpacaOrder ToAlpaca(bool nested) => new()
    {
        Id = Id,
        ClientOrderId = ClientOrderId,
        CreatedAt = CreatedAt,
        UpdatedAt = UpdatedAt,
        SubmittedAt = CreatedAt,
        FilledAt = FilledAt,
        ExpiredAt = ExpiredAt,
        ExpiresAt = ExpiresAt,
        CanceledAt = CanceledAt,
        FailedAt = FailedAt,
        ReplacedAt = ReplacedAt,
        ReplacedBy = ReplacedBy,
        Replaces = Replaces,
        AssetId = AssetId,
        Symbol = Symbol,
        AssetClass = AssetClass,
        Qty = Qty,
        Notional = Notional,
        FilledQty = FilledQty,
        FilledAvgPrice = FilledAvgPrice,
        LimitPrice = LimitPrice,
        StopPrice = StopPrice,
        TrailPrice = TrailPrice,
        TrailPercent = TrailPercent,
        Hwm = Hwm,
        Type = Type,
        OrderType = Type,
        Side = Side,
        TimeInForce = TimeInForce,
        OrderClass = OrderClass,
        Status = Status,
        ExtendedHours = ExtendedHours,
        Legs = nested && Legs.Count > 0 ? Legs.Select(l => l.ToAlpaca(nested: false)).ToList() : null,
        PositionIntent = Side == AlpacaOrderSide.Buy ? "buy_to_open" : "sell_to_close",
    };
}
