using System.Runtime.CompilerServices;

namespace Keel.Core.Trading;

/// <summary>
/// Decimal sums whose term is often zero: no commission, no slippage, no fees. A zero with no more decimal
/// places than the total leaves the total exactly as it is (digits, scale and sign), so the addition, a call
/// into the decimal runtime on every fill, is skipped; any other term is added as usual. Same bits either way.
/// Likewise a sum that starts from zero (a position's or a leg's first fill): a nonzero term added to a zero with
/// no more decimal places is that term, bit for bit.
/// </summary>
internal static class DecimalSum
{
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static decimal Add(decimal total, decimal term) =>
        LeavesUnchanged(total, term) ? total : LeavesUnchanged(term, total) && decimal.Sign(term) != 0 ? term : total + term;

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static decimal Subtract(decimal total, decimal term) => LeavesUnchanged(total, term) ? total : total - term;

    // decimal.Sign reads the bits in place; == 0 would be a call, costing about what it saves.
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static bool LeavesUnchanged(decimal total, decimal term) => decimal.Sign(term) == 0 && term.Scale <= total.Scale;
}
