using System.Globalization;
using System.Text;
using Keel.Data.Csv;

namespace Keel.Data.Tests.Csv;

public class Utf8NumberTests
{
    private static bool Parse(string text, out double value) => Utf8Number.TryParse(Encoding.UTF8.GetBytes(text), out value);

    [Fact]
    public void Matches_double_Parse_bit_for_bit_on_100k_random_decimal_strings()
    {
        var random = new Random(20240101);
        for (var n = 0; n < 100_000; n++)
        {
            var integerDigits = random.Next(0, 8);
            var decimals = random.Next(0, 9);
            var builder = new StringBuilder();
            if (random.Next(10) == 0) builder.Append('-');
            builder.Append(integerDigits == 0 ? "0" : random.NextInt64(1, (long)Math.Pow(10, integerDigits)).ToString(CultureInfo.InvariantCulture));
            if (decimals > 0)
            {
                builder.Append('.');
                for (var d = 0; d < decimals; d++) builder.Append((char)('0' + random.Next(10)));
            }
            var text = builder.ToString();

            Parse(text, out var fast).ShouldBeTrue(text);
            var expected = double.Parse(text, CultureInfo.InvariantCulture);
            BitConverter.DoubleToInt64Bits(fast).ShouldBe(BitConverter.DoubleToInt64Bits(expected), text);
        }
    }

    [Theory]
    [InlineData("0")]
    [InlineData("-0")]
    [InlineData("+5")]
    [InlineData("1e5")]
    [InlineData("1.5E-3")]
    [InlineData("2.5e+10")]
    [InlineData(".5")]
    [InlineData("5.")]
    [InlineData("00012.3400")]
    [InlineData("9007199254740993")] // 2^53 + 1: beyond the exact fast path
    [InlineData("123456789012345678901234567890")]
    [InlineData("0.1234567890123456789012")]
    [InlineData("1e-30")]
    [InlineData("1e300")]
    [InlineData("NaN")]
    [InlineData("Infinity")]
    [InlineData("-Infinity")]
    [InlineData(" 12.5 ")]
    public void Unusual_but_valid_numbers_match_double_Parse(string text)
    {
        Parse(text, out var value).ShouldBeTrue();
        var expected = double.Parse(text, NumberStyles.Float, CultureInfo.InvariantCulture);
        BitConverter.DoubleToInt64Bits(value).ShouldBe(BitConverter.DoubleToInt64Bits(expected));
    }

    [Theory]
    [InlineData("")]
    [InlineData("-")]
    [InlineData(".")]
    [InlineData("1.2.3")]
    [InlineData("12a")]
    [InlineData("1e")]
    [InlineData("1,5")]
    [InlineData("null")]
    public void Text_that_is_not_a_number_is_refused(string text)
    {
        Parse(text, out _).ShouldBeFalse();
    }
}
