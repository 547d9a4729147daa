namespace Keel.Core.Trading;

/// <summary>The life of an order, named after Alpaca's statuses where they exist.</summary>
public enum OrderStatus : byte
{
    /// <summary>Decided and recorded, not yet acknowledged by the execution port.</summary>
    New,
    Accepted,
    PartiallyFilled,
    Filled,
    Canceled,
    /// <summary>Refused by the broker (cash, minimum notional, ...) with a reason.</summary>
    Rejected,
    /// <summary>Refused by Keel's own risk checks before reaching the broker.</summary>
    RefusedByRisk,
}
