using Keel.Alpaca.Models;
using Keel.Core.Trading;

namespace Keel.Alpaca.Execution;

/// <summary>An order the port has sent and still watches: what was already reported as filled, and since when it works.</summary>
internal sealed class TrackedOrder(OrderRequest request, DateTimeOffset sentAt)
{
    public OrderRequest Request { get; } = request;
    public DateTimeOffset SentAt { get; } = sentAt;
    /// <summary>Alpaca's id; null while the outcome of the submission is unknown.</summary>
    public string? AlpacaId { get; set; }
    public bool Accepted { get; set; }
    public decimal ReportedQty { get; set; }
    public decimal ReportedNotional { get; set; }
    public bool CancelRequested { get; set; }
    public string? CancelReason { get; set; }

    /// <summary>
    /// The part of <paramref name="order"/>'s fills not yet reported, priced from the change in Alpaca's
    /// cumulative average (exact when Alpaca's average is; the FILL activities would give per-execution prices).
    /// </summary>
    public (decimal Qty, decimal Price, decimal FilledBefore)? TakeNewFill(AlpacaOrder order)
    {
        var before = ReportedQty;
        var delta = order.FilledQty - before;
        if (delta <= 0 || order.FilledAvgPrice is not { } average) return null;
        var notional = average * order.FilledQty;
        var price = (notional - ReportedNotional) / delta;
        ReportedQty = order.FilledQty;
        ReportedNotional = notional;
        return (delta, price, before);
    }
}
