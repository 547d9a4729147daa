namespace Keel.Core.Risk;

public enum SizingMethod : byte
{
    /// <summary>Spend a percent of equity on the entry.</summary>
    PercentOfEquity,
    /// <summary>Always the same quantity.</summary>
    FixedQuantity,
    /// <summary>Risk a percent of equity between the entry and its stop loss.</summary>
    RiskPercent,
}
