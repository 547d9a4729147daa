using System.Globalization;
using System.Runtime.CompilerServices;

namespace Keel.Data.Csv;

/// <summary>
/// Parses decimal numbers straight from UTF-8 bytes. Price text ("123.45", "0.00012345", "1.5e3")
/// takes a fast path that is still correctly rounded: when the digits fit in 2^53 and the power of ten
/// is at most 22, both are exact doubles and one IEEE multiplication or division rounds correctly
/// (Clinger's fast path). Anything else — long mantissas, big exponents, NaN, Infinity, spaces —
/// falls back to <see cref="double.TryParse(ReadOnlySpan{byte}, NumberStyles, IFormatProvider, out double)"/>.
/// </summary>
internal static class Utf8Number
{
    private const ulong MaxExactMantissa = 1UL << 53;

    private static readonly double[] PowersOfTen =
    [
        1e0, 1e1, 1e2, 1e3, 1e4, 1e5, 1e6, 1e7, 1e8, 1e9, 1e10, 1e11,
        1e12, 1e13, 1e14, 1e15, 1e16, 1e17, 1e18, 1e19, 1e20, 1e21, 1e22,
    ];

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static bool TryParse(ReadOnlySpan<byte> text, out double value)
    {
        var i = 0;
        var negative = false;
        if (text.Length > 0 && (text[0] == (byte)'-' || text[0] == (byte)'+'))
        {
            negative = text[0] == (byte)'-';
            i = 1;
        }

        ulong mantissa = 0;
        var significantDigits = 0;
        var exponent = 0;
        var digits = 0;
        uint digit;
        for (; i < text.Length && (digit = (uint)(text[i] - '0')) <= 9; i++, digits++)
        {
            mantissa = mantissa * 10 + digit;
            if (mantissa != 0) significantDigits++;
        }
        if (i < text.Length && text[i] == (byte)'.')
        {
            for (i++; i < text.Length && (digit = (uint)(text[i] - '0')) <= 9; i++, digits++)
            {
                mantissa = mantissa * 10 + digit;
                if (mantissa != 0) significantDigits++;
                exponent--;
            }
        }
        if (i < text.Length && (text[i] | 0x20) == (byte)'e')
        {
            i++;
            var exponentNegative = false;
            if (i < text.Length && (text[i] == (byte)'-' || text[i] == (byte)'+'))
            {
                exponentNegative = text[i] == (byte)'-';
                i++;
            }
            var start = i;
            var explicitExponent = 0;
            for (; i < text.Length && (digit = (uint)(text[i] - '0')) <= 9 && explicitExponent < 10_000; i++)
                explicitExponent = explicitExponent * 10 + (int)digit;
            if (i == start) return Fallback(text, out value);
            exponent += exponentNegative ? -explicitExponent : explicitExponent;
        }

        // More than 19 significant digits may have overflowed the accumulator; let the BCL handle it.
        if (i != text.Length || digits == 0 || significantDigits > 19) return Fallback(text, out value);

        if (mantissa <= MaxExactMantissa && exponent >= -22 && exponent <= 22)
        {
            value = exponent < 0 ? mantissa / PowersOfTen[-exponent] : mantissa * PowersOfTen[exponent];
            if (negative) value = -value;
            return true;
        }
        return Fallback(text, out value);
    }

    private static bool Fallback(ReadOnlySpan<byte> text, out double value) =>
        double.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out value);
}
