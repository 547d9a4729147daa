namespace Keel.Core.Trading;

/// <summary>
/// Cash plus every held quantity times its mark converted to decimal, bit for bit what the decimal loop
/// <c>cash + q₀·(decimal)m₀ + q₁·(decimal)m₁ + …</c> gives (digits, scale and sign), on 128-bit integers instead of
/// a decimal product and sum per position (a third of a universe backtest's replay, which sizes each entry on it).
/// </summary>
/// <remarks>
/// The loop is exact while no product or partial sum needs more than decimal's 96 bits of digits or 28 places: a
/// product then keeps the sum of its operands' scales, and a sum the larger of its operands' scales, so the loop's
/// result is the exact total at the largest scale of its terms, whatever their order. Every partial sum is at most
/// the sum of the terms' magnitudes, so while that stays within 96 bits at the largest scale, no step rounds. When
/// it might (or a product's operands are too long for the 128-bit product), where a product is zero, or where the
/// total is zero (whose sign and scale the order decides), this gives up and the caller runs the loop itself.
/// </remarks>
internal static class ExactEquitySum
{
    private const int MaxScale = 28;
    private static readonly UInt128 MaxDigits = (UInt128.One << 96) - 1;
    private static readonly UInt128[] PowersOfTen = PowersOf10();
    private static readonly UInt128[] Headroom = [.. PowersOfTen.Select(p => MaxDigits / p)]; // the most digits that times 10^k still fit

    /// <param name="quantities">Each symbol's quantity (zero where none is held: skipped, as the loop skips it).</param>
    /// <param name="quantitiesAsDouble">The same as doubles, zero exactly where the quantity is (a cheaper test).</param>
    /// <param name="marks">Each symbol's last price.</param>
    public static bool TrySum(decimal cash, ReadOnlySpan<decimal> quantities, ReadOnlySpan<double> quantitiesAsDouble, ReadOnlySpan<double> marks, out decimal total)
    {
        total = default;
        Span<int> quantityBits = stackalloc int[4];
        Span<int> markBits = stackalloc int[4];
        // The products summed by scale, so each is added as it is and each scale is aligned once at the end.
        Span<Int128> sums = stackalloc Int128[MaxScale + 1];
        Span<UInt128> magnitudes = stackalloc UInt128[MaxScale + 1];
        var (lowest, highest) = (MaxScale, -1);
        for (var i = 0; i < quantities.Length; i++)
        {
            if (quantitiesAsDouble[i] == 0) continue;
            decimal.GetBits(quantities[i], quantityBits);
            decimal.GetBits((decimal)marks[i], markBits);
            if ((quantityBits[2] | markBits[2]) != 0) return false; // over 64 bits of digits: the product may need more than 128
            var product = Math.BigMul(Low64(quantityBits), Low64(markBits));
            var scale = Scale(quantityBits) + Scale(markBits);
            // A zero product's scale is the decimal runtime's choice (8.877245523 × 0 has none, 0.000 × 5 has three).
            if (product > MaxDigits || scale > MaxScale || product == 0) return false;
            sums[scale] += (quantityBits[3] ^ markBits[3]) < 0 ? -(Int128)product : (Int128)product;
            if ((magnitudes[scale] += product) > MaxDigits) return false;
            lowest = Math.Min(lowest, scale);
            highest = Math.Max(highest, scale);
        }

        var cashBits = quantityBits; // done with the quantities
        decimal.GetBits(cash, cashBits);
        var cashScale = Scale(cashBits);
        var totalScale = Math.Max(cashScale, highest);
        var cashDigits = new UInt128((uint)cashBits[2], Low64(cashBits));
        if (!TryAlign(cashDigits, totalScale - cashScale, out var bound)) return false;
        var sum = cashBits[3] < 0 ? -(Int128)bound : (Int128)bound;
        for (var scale = lowest; scale <= highest; scale++)
        {
            if (magnitudes[scale] == 0) continue;
            if (!TryAlign(magnitudes[scale], totalScale - scale, out var magnitude) || (bound += magnitude) > MaxDigits) return false;
            sum += sums[scale] * (Int128)PowersOfTen[totalScale - scale];
        }
        if (sum == 0) return false;
        var digits = (UInt128)(sum < 0 ? -sum : sum);
        total = new decimal((int)(uint)digits, (int)(uint)(digits >> 32), (int)(uint)(digits >> 64), sum < 0, (byte)totalScale);
        return true;
    }

    /// <summary>Digits times 10^<paramref name="shift"/>, when that still fits a decimal's 96 bits.</summary>
    private static bool TryAlign(UInt128 digits, int shift, out UInt128 aligned)
    {
        var fits = digits <= Headroom[shift];
        aligned = fits ? digits * PowersOfTen[shift] : 0;
        return fits;
    }

    private static ulong Low64(ReadOnlySpan<int> bits) => ((ulong)(uint)bits[1] << 32) | (uint)bits[0];

    private static int Scale(ReadOnlySpan<int> bits) => (bits[3] >> 16) & 0xFF;

    private static UInt128[] PowersOf10()
    {
        var powers = new UInt128[MaxScale + 1];
        powers[0] = 1;
        for (var k = 1; k < powers.Length; k++) powers[k] = powers[k - 1] * 10;
        return powers;
    }
}
