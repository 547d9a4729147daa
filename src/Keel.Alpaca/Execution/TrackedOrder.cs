using Keel.Alpaca.Models;
using Keel.Core.Trading;

namespace Keel.Alpaca.Execution;

/// <summary>An order the port has sent (or a bracket leg Alpaca made) and still watches: what was already reported, and since when it works.</summary>
internal sealed class TrackedOrder(OrderRequest request, DateTimeOffset sentAt)
{
    public OrderRequest Request { get; } = request;
    public DateTimeOffset SentAt { get; } = sentAt;
    /// <summary>Alpaca's id; null while the outcome of the submission is unknown.</summary>
    public string? AlpacaId { get; set; }
    public bool Accepted { get; set; }
    public decimal ReportedQty { get; set; }
    public decimal ReportedNotional { get; set; }
    /// <summary>What the kernel was told it received (crypto buys: less Alpaca's fee).</summary>
    public decimal ReceivedQty { get; set; }
    public bool CancelRequested { get; set; }
    public string? CancelReason { get; set; }

    /// <summary>How this entry's exits are carried out.</summary>
    public ExitRoute Route { get; init; }
    /// <summary>An exit (a bracket leg, or one the port sent): it works until it fills or is cancelled, never timed out.</summary>
    public bool IsExit { get; init; }
    /// <summary>A leg Alpaca made for a bracket or OTO entry; the kernel hears of it once it leaves <c>held</c>.</summary>
    public bool IsLeg { get; init; }
    /// <summary>A bracket entry's legs by Alpaca id, as long as any is open.</summary>
    public Dictionary<string, TrackedOrder> Legs { get; } = new(StringComparer.Ordinal);
    /// <summary>Legs already done with, so a later answer showing them again is not taken for new ones.</summary>
    public HashSet<string> FinishedLegs { get; } = new(StringComparer.Ordinal);
    /// <summary>Whether any leg left <c>held</c> (and was announced to the kernel).</summary>
    public bool LegsActivated { get; set; }
    /// <summary>A bracket entry's exit prices as sent, kept for when its legs die unused (see the port's exits).</summary>
    public decimal? BracketStop { get; init; }
    public decimal? BracketTake { get; init; }

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
