namespace Keel.Core.Costs;

/// <summary>
/// A venue's costs and order rules in one place. <see cref="CryptoMinimumNotional"/>: crypto orders
/// worth less are skipped with a reason before reaching the broker (Alpaca's floor is $10 on paper).
/// </summary>
public sealed record BrokerModel(ISlippageModel Slippage, ICommissionModel Commission, decimal CryptoMinimumNotional = 0m)
{
    public static BrokerModel Frictionless { get; } = new(NoSlippage.Instance, NoCommission.Instance);

    /// <summary>Alpaca's real defaults plus a slippage assumption (0.05% against the trader by default).</summary>
    public static BrokerModel Alpaca(decimal slippagePercent = 0.05m, decimal cryptoFeePercent = 0.25m, decimal cryptoMinimumNotional = 10m) =>
        new(slippagePercent == 0 ? NoSlippage.Instance : new PercentSlippage(slippagePercent), new AlpacaCommission(cryptoFeePercent), cryptoMinimumNotional);

    public override string ToString() => $"slippage {Slippage}, commission {Commission}" + (CryptoMinimumNotional > 0 ? $", crypto minimum ${CryptoMinimumNotional}" : "");
}
