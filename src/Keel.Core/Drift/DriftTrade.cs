using Keel.Core.Domain;
using Keel.Core.Trading;

namespace Keel.Core.Drift;

public enum DriftMatch
{
    Matched,
    /// <summary>The replay traded it, paper did not.</summary>
    Missed,
    /// <summary>Paper traded it, the replay did not.</summary>
    Extra,
}

/// <summary>One order of either side, keyed by (strategy, symbol, decision bar, side); the two sides' fills (summed over partial fills) when matched.</summary>
public sealed record DriftTrade(string Strategy, Symbol Symbol, DateTime DecisionBar, OrderSide Side, DriftMatch Match, DriftFill? Paper, DriftFill? Replay, bool Mispriced)
{
    /// <summary>(paper − replay) / replay fill price, in basis points; 0 unless matched.</summary>
    public double PriceDifferenceBps => Paper is { } p && Replay is { } r && r.Price != 0 ? (double)((p.Price - r.Price) / r.Price) * 10_000 : 0;

    /// <summary>Paper's cash flow minus the replay's (fees included): what execution added to or took from P&amp;L.</summary>
    public decimal PnlDifference => Paper is { } p && Replay is { } r ? p.CashFlow - r.CashFlow : 0;
}

/// <summary>An order's fills summed: quantity, average price, fees, slippage, cash flow, last fill time.</summary>
public sealed record DriftFill(decimal Quantity, decimal Price, decimal Fee, decimal Slippage, decimal CashFlow, DateTime Time)
{
    public static DriftFill Of(IReadOnlyList<Fill> fills)
    {
        var quantity = fills.Sum(f => f.Quantity);
        var price = quantity == 0 ? 0 : fills.Sum(f => f.Price * f.Quantity) / quantity;
        return new DriftFill(quantity, price, fills.Sum(f => f.Commission), fills.Sum(f => f.Slippage), fills.Sum(f => f.CashFlow), fills.Max(f => f.Time));
    }
}
