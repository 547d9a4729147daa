namespace Keel.Core.Strategies;

/// <summary>
/// What the kernel tells a strategy besides the bar: its own filled position in this symbol.
/// Strategies that act "while flat" or "while long" read it; none can change it.
/// </summary>
public readonly record struct StrategyContext(decimal PositionQuantity)
{
    /// <summary>
    /// True when nothing will read signal reasons (journal-free runs such as sweep trials): a strategy may
    /// then give a fixed short reason, because formatting indicator values costs more than the rest of its bar.
    /// </summary>
    public bool ReasonsUnread { get; init; }

    public bool IsFlat => PositionQuantity == 0;
    public bool IsLong => PositionQuantity > 0;

    public static StrategyContext Flat => default;
}
