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
        var fastPathCount = 0;
        for (var n = 0; n < 100_000; n++)
        {
            var integerDigits = random.Next(0, 11);
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

            var expected = BitConverter.DoubleToInt64Bits(double.Parse(text, CultureInfo.InvariantCulture));
            Parse(text, out var whole).ShouldBeTrue(text);
            BitConverter.DoubleToInt64Bits(whole).ShouldBe(expected, text);

            // Inside a row the digits are read eight bytes at a time, so check that path too. It declines
            // only mantissas beyond 2^53 (16+ digits), which then take the slow path.
            if (Utf8Number.TryParsePrefix(Encoding.UTF8.GetBytes(text + ",123.45,6789\n"), out var inRow, out var length))
            {
                fastPathCount++;
                length.ShouldBe(text.Length);
                BitConverter.DoubleToInt64Bits(inRow).ShouldBe(expected, text);
            }
        }
        fastPathCount.ShouldBeGreaterThan(90_000);
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

public class Utf8NumberDigitBlockTests
{
    [Theory]
    [InlineData("12345678", 8, 12345678UL)]
    [InlineData("1234567,", 7, 1234567UL)]
    [InlineData("100.06,1", 3, 100UL)]
    [InlineData("9,999999", 1, 9UL)]
    [InlineData("00000007", 8, 7UL)]
    [InlineData("99999999", 8, 99999999UL)]
    [InlineData(",1234567", 0, 0UL)]
    [InlineData("12/45678", 2, 12UL)]
    [InlineData("12:45678", 2, 12UL)]
    [InlineData("1\u00ff345678", 1, 1UL)]
    public void Eight_byte_blocks_give_the_leading_digits_and_their_value(string block, int count, ulong value)
    {
        var bytes = System.Text.Encoding.Latin1.GetBytes(block);
        var chunk = System.Buffers.Binary.BinaryPrimitives.ReadUInt64LittleEndian(bytes);
        Utf8Number.LeadingDigitCount(chunk).ShouldBe(count);
        if (count > 0) Utf8Number.LeadingDigitsValue(chunk, count).ShouldBe(value);
    }

    [Fact]
    public void Numbers_followed_by_more_row_text_parse_to_the_comma()
    {
        var row = "100.06,99.97,168.4342,408720000,0.00012345,12345678.12345678\n"u8;
        var expected = new[] { 100.06, 99.97, 168.4342, 408720000, 0.00012345, 12345678.12345678 };
        var i = 0;
        foreach (var number in expected)
        {
            Utf8Number.TryParsePrefix(row[i..], out var value, out var length).ShouldBeTrue();
            value.ShouldBe(number);
            i += length + 1;
        }
    }
}
