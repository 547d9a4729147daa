using Keel.Core.Trading;

namespace Keel.Core.Backtest;

/// <summary>An accepted order the simulated broker still holds; trailing stops carry their high-water mark.</summary>
internal sealed class WorkingOrder(OrderRequest request, decimal? triggerPrice)
{
    public OrderRequest Request { get; } = request;

    /// <summary>The stop or limit price; for a trailing stop, recomputed from the high-water mark.</summary>
    public decimal? TriggerPrice { get; set; } = triggerPrice;

    public decimal HighWaterMark { get; set; }
}
