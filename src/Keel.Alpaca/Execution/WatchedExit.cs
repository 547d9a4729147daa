using Keel.Core.Trading;

namespace Keel.Alpaca.Execution;

/// <summary>
/// An exit the port keeps itself (Alpaca cannot hold it, see <see cref="ExitRoute.Watched"/>): a stop-loss,
/// take-profit or trailing stop checked against the bid each round, and sent as a market sell once reached.
/// Lives in the port's memory; the store keeps it as an accepted order, and a restart watches it again
/// (<see cref="AlpacaExecutionPort.ResumeWatchedExit"/>).
/// </summary>
internal sealed class WatchedExit(OrderRequest request, decimal? trailPercent, decimal highWater)
{
    /// <summary>What the kernel was told (type Stop or Limit with its price; Purpose and ParentId set).</summary>
    public OrderRequest Request { get; } = request;

    public decimal? TrailPercent { get; } = trailPercent;

    /// <summary>Highest bid since the entry (trailing stops only).</summary>
    public decimal HighWater { get; private set; } = highWater;

    /// <summary>Stops are checked first: when one quote reaches both, the worse outcome is assumed, as in a backtest.</summary>
    public int Rank => ExitRules.Rank(Request.Type);

    /// <summary>
    /// True when <paramref name="bid"/> reaches the exit, by the exit engine's rules with the bid as the
    /// range (a trailing stop's high-water mark moves first: one price cannot both raise and reach it).
    /// </summary>
    public bool ReachedBy(decimal bid)
    {
        if (bid <= 0) return false;
        decimal trigger;
        if (Request.Purpose == OrderPurpose.TrailingStop)
        {
            HighWater = Math.Max(HighWater, bid);
            trigger = ExitRules.TrailingStopPrice(HighWater, TrailPercent!.Value);
        }
        else
        {
            trigger = (Request.Type == OrderType.Limit ? Request.LimitPrice : Request.StopPrice) ?? 0m;
        }
        return ExitRules.Reaches(Request.Type, OrderSide.Sell, trigger, bid, bid);
    }
}
