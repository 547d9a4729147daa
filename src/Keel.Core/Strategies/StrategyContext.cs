using System.Runtime.CompilerServices;

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

    /// <summary>
    /// A reason formatted only when it will be read: <c>context.Reason($"RSI={rsi:F2} under {oversold}")</c>.
    /// When <see cref="ReasonsUnread"/>, the values are not even formatted and the result is the fixed text
    /// <c>"(reason not kept)"</c>; the journal, backtest trades and live service always get the full text.
    /// </summary>
    public string Reason([InterpolatedStringHandlerArgument("")] ref ReasonText text) => text.Finish(UnreadReason);

    /// <summary>What <see cref="Reason"/> returns when nothing reads reasons.</summary>
    public const string UnreadReason = "(reason not kept)";

    public bool IsFlat => PositionQuantity == 0;
    public bool IsLong => PositionQuantity > 0;

    public static StrategyContext Flat => default;
}
