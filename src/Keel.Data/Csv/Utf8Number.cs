using System.Buffers.Binary;
using System.Globalization;
using System.Numerics;
using System.Runtime.CompilerServices;

namespace Keel.Data.Csv;

/// <summary>
/// Parses decimal numbers straight from UTF-8 bytes. Price text ("123.45", "0.00012345", "1.5e3")
/// takes a fast path that is still correctly rounded: when the digits fit in 2^53 and the power of ten
/// is at most 22, both are exact doubles and one IEEE multiplication or division rounds correctly
/// (Clinger's fast path). Anything else — long mantissas, big exponents, NaN, Infinity, spaces —
/// falls back to <see cref="double.TryParse(ReadOnlySpan{byte}, NumberStyles, IFormatProvider, out double)"/>.
/// </summary>
/// <remarks>
/// Digits are read eight bytes at a time (SWAR, as in simdjson and fast_float): a bit trick counts the
/// leading digits and three multiplications turn them into an integer. A byte-by-byte loop would
/// mispredict its exit branch on nearly every number, because price lengths vary from row to row.
/// </remarks>
internal static class Utf8Number
{
    private const ulong MaxExactMantissa = 1UL << 53;

    private static ReadOnlySpan<double> PowersOfTen =>
    [
        1e0, 1e1, 1e2, 1e3, 1e4, 1e5, 1e6, 1e7, 1e8, 1e9, 1e10, 1e11,
        1e12, 1e13, 1e14, 1e15, 1e16, 1e17, 1e18, 1e19, 1e20, 1e21, 1e22,
    ];

    private static ReadOnlySpan<ulong> IntegerPowersOfTen => [1, 10, 100, 1_000, 10_000, 100_000, 1_000_000, 10_000_000, 100_000_000];

    /// <summary>Parses the whole of <paramref name="text"/> as a number.</summary>
    public static bool TryParse(ReadOnlySpan<byte> text, out double value) =>
        (TryParsePrefix(text, out value, out var length) && length == text.Length)
        || double.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out value);

    /// <summary>
    /// The fast path only: parses the number at the start of <paramref name="text"/> and reports how many
    /// bytes it used, stopping at the first byte that cannot continue it (such as a comma). Returns false
    /// when the text needs the slow path or is not a number; the caller then falls back.
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public static bool TryParsePrefix(ReadOnlySpan<byte> text, out double value, out int length)
    {
        value = 0;
        length = 0;
        var negative = text.Length > 0 && text[0] == (byte)'-';
        var i = negative ? 1 : 0;

        ulong mantissa = 0;
        var digits = ReadDigits(text, ref i, ref mantissa);
        var exponent = 0;
        if ((uint)i < (uint)text.Length && text[i] == (byte)'.')
        {
            i++;
            var decimals = ReadDigits(text, ref i, ref mantissa);
            digits += decimals;
            exponent = -decimals;
        }
        // More than 19 digits may have overflowed the accumulator; the slow path handles them.
        if (digits == 0 || digits > 19) return false;

        if ((uint)i < (uint)text.Length && (text[i] | 0x20) == (byte)'e')
        {
            i++;
            var exponentNegative = (uint)i < (uint)text.Length && text[i] == (byte)'-';
            if ((uint)i < (uint)text.Length && (text[i] == (byte)'-' || text[i] == (byte)'+')) i++;
            var firstExponentDigit = i;
            var explicitExponent = 0;
            for (uint digit; (uint)i < (uint)text.Length && (digit = (uint)(text[i] - '0')) <= 9 && i - firstExponentDigit < 4; i++)
                explicitExponent = explicitExponent * 10 + (int)digit;
            if (i == firstExponentDigit) return false;
            exponent += exponentNegative ? -explicitExponent : explicitExponent;
        }

        if (mantissa > MaxExactMantissa || exponent < -22 || exponent > 22) return false;
        // Through long: converting a ulong to double is a slower instruction sequence on x64.
        value = exponent < 0 ? (long)mantissa / PowersOfTen[-exponent] : (long)mantissa * PowersOfTen[exponent];
        if (negative) value = -value;
        length = i;
        return true;
    }

    /// <summary>Appends the run of ASCII digits at <paramref name="i"/> to <paramref name="mantissa"/>; returns how many there were.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static int ReadDigits(ReadOnlySpan<byte> text, ref int i, ref ulong mantissa)
    {
        var start = i;
        while (i + 8 <= text.Length)
        {
            var chunk = BinaryPrimitives.ReadUInt64LittleEndian(text.Slice(i, 8));
            var count = LeadingDigitCount(chunk);
            if (count == 0) return i - start;
            mantissa = mantissa * IntegerPowersOfTen[count] + LeadingDigitsValue(chunk, count);
            i += count;
            if (count < 8) return i - start;
        }
        // Fewer than eight bytes left: only at the very end of the file.
        for (uint digit; (uint)i < (uint)text.Length && (digit = (uint)(text[i] - '0')) <= 9; i++)
            mantissa = mantissa * 10 + digit;
        return i - start;
    }

    /// <summary>How many of the eight bytes (first byte lowest) are ASCII digits before the first non-digit.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    internal static int LeadingDigitCount(ulong chunk)
    {
        // Digits become 0..9 and stay below 0x80 after adding 0x76; every other byte gets its top bit set.
        // A carry out of a non-digit byte can only disturb later bytes, never the first non-digit.
        var x = chunk ^ 0x3030303030303030UL;
        var nonDigits = (x | (x + 0x7676767676767676UL)) & 0x8080808080808080UL;
        return BitOperations.TrailingZeroCount(nonDigits) >> 3;
    }

    /// <summary>The value of the first <paramref name="count"/> (1..8) digit bytes of <paramref name="chunk"/>.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    internal static ulong LeadingDigitsValue(ulong chunk, int count)
    {
        // Shifting pushes the digits to the top and fills the front with zero digits, so the eight-digit
        // conversion below (fast_float's parse_eight_digits_unrolled) yields just the leading digits.
        var value = (chunk & 0x0F0F0F0F0F0F0F0FUL) << (8 * (8 - count));
        value = value * 10 + (value >> 8);
        value = ((value & 0x000000FF000000FFUL) * (100 + (1_000_000UL << 32))
                 + ((value >> 16) & 0x000000FF000000FFUL) * (1 + (10_000UL << 32))) >> 32;
        return value & 0xFFFF_FFFFUL;
    }
}
