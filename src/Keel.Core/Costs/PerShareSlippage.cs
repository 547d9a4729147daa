using System.Globalization;
using Keel.Core.Domain;
using Keel.Core.Trading;

namespace Keel.Core.Costs;

/// <summary>A fixed amount per share (or per coin) against the trader; a sell never goes below zero.</summary>
public sealed class PerShareSlippage : ISlippageModel
{
    public PerShareSlippage(decimal amount)
    {
        if (amount < 0) throw new ArgumentOutOfRangeException(nameof(amount), amount, "Slippage per share must not be negative.");
        Amount = amount;
    }

    public decimal Amount { get; }

    public decimal Apply(decimal price, OrderSide side, decimal quantity, Symbol symbol) =>
        side == OrderSide.Buy ? price + Amount : Math.Max(price - Amount, 0m);

    public override string ToString() => string.Create(CultureInfo.InvariantCulture, $"per-share:{Amount}");
}
