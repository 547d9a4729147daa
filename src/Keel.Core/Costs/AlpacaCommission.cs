using System.Globalization;
using Keel.Core.Domain;
using Keel.Core.Trading;

namespace Keel.Core.Costs;

/// <summary>
/// Alpaca's defaults: no commission on US equities; crypto pays a taker fee in percent of notional
/// (0.25% at the lowest volume tier).
/// </summary>
public sealed class AlpacaCommission : ICommissionModel
{
    private readonly PercentCommission _crypto;

    public AlpacaCommission(decimal cryptoFeePercent = 0.25m) => _crypto = new PercentCommission(cryptoFeePercent);

    public decimal CryptoFeePercent => _crypto.Percent;

    public decimal Calculate(Symbol symbol, OrderSide side, decimal quantity, decimal price) =>
        symbol.IsCrypto ? _crypto.Calculate(symbol, side, quantity, price) : 0m;

    public override string ToString() => string.Create(CultureInfo.InvariantCulture, $"alpaca(crypto {CryptoFeePercent}%)");
}
