using Keel.Core.Trading;

namespace Keel.Alpaca.Execution;

/// <summary>
/// An exit the port keeps itself (Alpaca cannot hold it, see <see cref="ExitRoute.Watched"/>): a stop-loss,
/// take-profit or trailing stop held against each completed bar's range and against the bid each round, and
/// sent as a market sell once reached.
/// Lives in the port's memory; the store keeps it as an accepted order, and a restart watches it again
/// (<see cref="AlpacaExecutionPort.ResumeWatchedExit"/>).
/// </summary>
internal sealed class WatchedExit(OrderRequest request, decimal? trailPercent, decimal highWater, DateTime armedAt)
{
    /// <summary>When the exit began working (broker time): bars that start before it are not held against it.</summary>
    public DateTime ArmedAt { get; } = armedAt;

    /// <summary>What the kernel was told (type Stop or Limit with its price; Purpose and ParentId set).</summary>
    public OrderRequest Request { get; } = request;

    public decimal? TrailPercent { get; } = trailPercent;

    /// <summary>Highest bid since the entry (trailing stops only).</summary>
    public decimal HighWater { get; private set; } = highWater;

    /// <summary>Stops are checked first: when one quote reaches both, the worse outcome is assumed, as in a backtest.</summary>
    public int Rank => ExitRules.Rank(Request.Type);

    /// <summary>
    /// True when a completed bar's range reaches the exit, by the exit engine's rules as the simulated broker
    /// applies them: a trailing stop's trigger is the one before the bar, its high-water mark moves to the
    /// bar's high afterwards.
    /// </summary>
    public bool ReachedBy(decimal high, decimal low)
    {
        var reached = ExitRules.Reaches(Request.Type, OrderSide.Sell, Trigger(), high, low);
        if (Request.Purpose == OrderPurpose.TrailingStop) HighWater = Math.Max(HighWater, high);
        return reached;
    }

    private decimal Trigger() => Request.Purpose == OrderPurpose.TrailingStop
        ? ExitRules.TrailingStopPrice(HighWater, TrailPercent!.Value)
        : (Request.Type == OrderType.Limit ? Request.LimitPrice : Request.StopPrice) ?? 0m;

    /// <summary>
    /// True when <paramref name="bid"/> reaches the exit, by the exit engine's rules with the bid as the
    /// range (a trailing stop's high-water mark moves first: one price cannot both raise and reach it).
    /// </summary>
    public bool ReachedBy(decimal bid)
    {
        if (bid <= 0) return false;
        if (Request.Purpose == OrderPurpose.TrailingStop) HighWater = Math.Max(HighWater, bid);
        return ExitRules.Reaches(Request.Type, OrderSide.Sell, Trigger(), bid, bid);
    }
}
