namespace Keel.Core.Trading;

/// <summary>
/// Short names for why an order was refused or resized, the keys of <see cref="OrderTally"/> (and of
/// <c>rejected_by_reason</c>/<c>resized_by_reason</c> in <c>--json</c>). The journal keeps the full sentence.
/// </summary>
public static class OrderReasons
{
    // refused by Keel's risk checks
    public const string Halted = "halted";
    public const string DailyLossLimit = "daily_loss_limit";
    public const string MaxOpenPositions = "max_open_positions";
    public const string NoPrice = "no_price";
    public const string ZeroQuantity = "zero_quantity";
    public const string CapitalStage = "capital_stage";
    // rejected by the broker
    public const string InsufficientCash = "insufficient_cash";
    public const string CryptoMinimum = "crypto_minimum";
    public const string NoPosition = "no_position";
    public const string InvalidQuantity = "invalid_quantity";
    // resized
    public const string Confidence = "confidence";
    public const string PositionCap = "position_cap";
    public const string MaxNotional = "max_notional";
    public const string RiskCashCap = "risk_cash_cap";
}
