using Keel.Core.Domain;

namespace Keel.Core.Trading;

/// <summary>
/// A closed round trip of one strategy in one symbol: from the entry fill(s) to the exit fill(s).
/// Prices are the volume-weighted fill prices after slippage; <see cref="Fees"/> are the commissions
/// of both legs; <see cref="Slippage"/> is what slippage cost on both legs (already inside the prices).
/// </summary>
public sealed record Trade(
    string Strategy,
    Symbol Symbol,
    DateTime EntryTime,
    decimal EntryPrice,
    DateTime ExitTime,
    decimal ExitPrice,
    decimal Quantity,
    decimal Fees,
    decimal Slippage,
    string EntryReason,
    string ExitReason)
{
    /// <summary>Price difference times quantity, before fees.</summary>
    public decimal GrossPnl => (ExitPrice - EntryPrice) * Quantity;

    /// <summary>What the trade added to cash: gross P&amp;L less fees.</summary>
    public decimal NetPnl => DecimalSum.Subtract(GrossPnl, Fees);

    /// <summary>Net P&amp;L as a percent of the entry notional.</summary>
    public double ReturnPct => EntryPrice * Quantity == 0 ? 0 : (double)(NetPnl / (EntryPrice * Quantity)) * 100;

    public TimeSpan Duration => ExitTime - EntryTime;
}
