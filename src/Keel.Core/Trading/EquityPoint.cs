namespace Keel.Core.Trading;

/// <summary>
/// The account marked to market after all bars of one timestamp. Doubles: this is the valuation
/// series behind metrics and charts; the ledger itself (cash, fills, fees) is decimal.
/// <see cref="PositionValue"/> is the market value of open positions, so Equity = Cash + PositionValue.
/// </summary>
public readonly record struct EquityPoint(DateTime Time, double Equity, double Cash, double PositionValue)
{
    /// <summary>The point for this cash and position value (their sum is the equity).</summary>
    public static EquityPoint Of(DateTime time, double cash, double positionValue) => new(time, cash + positionValue, cash, positionValue);
}
