namespace Keel.Core.Strategies;

/// <summary>
/// What the kernel tells a strategy besides the bar: its own filled position in this symbol.
/// Strategies that act "while flat" or "while long" read it; none can change it.
/// </summary>
public readonly record struct StrategyContext(decimal PositionQuantity)
{
    public bool IsFlat => PositionQuantity == 0;
    public bool IsLong => PositionQuantity > 0;

    public static StrategyContext Flat => default;
}
