using Keel.Core.Domain;

namespace Keel.Core.Trading;

/// <summary>
/// An order as decided by the kernel, before any broker sees it. <see cref="ClientOrderId"/> is
/// deterministic (strategy, symbol, sequence), so storing it before sending makes submission
/// idempotent. Stop-loss / take-profit percents make it a bracket: the exits are attached once the
/// entry fills, and when one of them fills the other is cancelled.
/// </summary>
public sealed record OrderRequest
{
    public required string ClientOrderId { get; init; }
    public required string Strategy { get; init; }
    public required Symbol Symbol { get; init; }
    public required OrderSide Side { get; init; }
    public required decimal Quantity { get; init; }
    public OrderType Type { get; init; } = OrderType.Market;
    public decimal? LimitPrice { get; init; }
    public decimal? StopPrice { get; init; }
    public required OrderPurpose Purpose { get; init; }
    public required DateTime CreatedAt { get; init; }
    public required string Reason { get; init; }

    /// <summary>
    /// Bracket exits for an entry, in percent of the entry's fill price: the exit prices are fixed when
    /// the entry fills (the fill price is unknown before), then checked against every later price.
    /// </summary>
    public decimal? StopLossPercent { get; init; }
    public decimal? TakeProfitPercent { get; init; }
    /// <summary>Trailing stop distance in percent of the highest price since entry.</summary>
    public decimal? TrailingStopPercent { get; init; }

    /// <summary>
    /// The price the order was sized and validated at: the latest quote's ask (buys) or bid (sells) when
    /// the engine passed one, otherwise the deciding bar's close. Execution ports judge minimum notional by it.
    /// </summary>
    public decimal? ReferencePrice { get; init; }

    /// <summary>The client order id of the entry an exit belongs to.</summary>
    public string? ParentId { get; init; }
}
