using Keel.Storage.Sql;

namespace Keel.Storage.Tests;

public sealed class StoredTextTests
{
    [Theory]
    [InlineData("0.000000001")]
    [InlineData("123456789.123456789")]
    [InlineData("1.50")]
    [InlineData("-0.01")]
    [InlineData("79228162514264337593543950335")]
    [InlineData("0.0000000000000000000000000001")]
    public void Decimals_round_trip_bit_exact(string text)
    {
        var value = decimal.Parse(text, System.Globalization.CultureInfo.InvariantCulture);
        StoredText.Decimal(value).ShouldBe(text);
        decimal.GetBits(StoredText.Decimal(StoredText.Decimal(value))).ShouldBe(decimal.GetBits(value));
    }

    [Fact]
    public void Decimal_keys_ignore_trailing_zeros()
    {
        StoredText.DecimalKey(10m).ShouldBe("10");
        StoredText.DecimalKey(10.000m).ShouldBe("10");
        StoredText.DecimalKey(3m + 7.0m).ShouldBe("10");
        StoredText.DecimalKey(0.1250m).ShouldBe("0.125");
        StoredText.DecimalKey(100m).ShouldBe("100");
    }

    [Fact]
    public void Times_are_utc_iso_text_that_sorts_as_time()
    {
        var utc = new DateTime(2026, 3, 2, 14, 30, 0, DateTimeKind.Utc).AddTicks(1);
        StoredText.Time(utc).ShouldBe("2026-03-02T14:30:00.0000001Z");
        StoredText.Time(DateTime.SpecifyKind(utc, DateTimeKind.Unspecified)).ShouldBe("2026-03-02T14:30:00.0000001Z");
        StoredText.Time(utc.ToLocalTime()).ShouldBe("2026-03-02T14:30:00.0000001Z");
        StoredText.Time("2026-03-02T14:30:00.0000001Z").Kind.ShouldBe(DateTimeKind.Utc);
        string.CompareOrdinal(StoredText.Time(utc), StoredText.Time(utc.AddTicks(1))).ShouldBeLessThan(0);
        string.CompareOrdinal(StoredText.Time(new DateTime(2026, 12, 31, 0, 0, 0, DateTimeKind.Utc)), StoredText.Time(new DateTime(2027, 1, 1, 0, 0, 0, DateTimeKind.Utc))).ShouldBeLessThan(0);
    }

    [Fact]
    public void Confidences_round_trip_exactly()
    {
        StoredText.Double(StoredText.Double(0.1 + 0.2)).ShouldBe(0.1 + 0.2);
        StoredText.Double(StoredText.Double(1.0 / 3)).ShouldBe(1.0 / 3);
    }
}
