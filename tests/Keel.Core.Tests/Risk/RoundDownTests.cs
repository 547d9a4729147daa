using FsCheck.Xunit;
using Keel.Core.Domain;
using Keel.Core.Risk;

namespace Keel.Core.Tests.Risk;

/// <summary>Crypto quantities round down to nine decimals bit for bit as Floor(q · 10⁹) / 10⁹ does, without the division.</summary>
public class RoundDownTests
{
    private static readonly Symbol Coin = Symbol.Parse("BTC/USD");
    private const decimal Billion = 1_000_000_000m;

    [Property(MaxTest = 300)]
    public void Crypto_quantity_is_the_division_bit_for_bit(int seed)
    {
        var random = new Random(seed);
        for (var i = 0; i < 200; i++)
        {
            var quantity = random.Next(4) switch
            {
                0 => (decimal)(random.NextDouble() * Math.Pow(10, random.Next(-12, 12))),
                1 => 95_000m * random.Next(1, 100) / ((decimal)random.NextDouble() * 70_000m + 0.01m), // as percent sizing makes them
                2 => new decimal(random.Next(), random.Next(), 0, false, (byte)random.Next(0, 29)), // any digits and scale (up to 64 bits: times 10⁹ stays in range)
                _ => random.Next(1, 1_000_000) * new[] { 1m, 10m, 0.1m, 0.5m, 0.000000001m, 0.0000000001m, 1.000000000m }[random.Next(7)],
            };
            var expected = quantity <= 0 ? 0 : Math.Floor(quantity * Billion) / Billion;
            RiskManager.RoundDown(quantity, Coin).ShouldBeBitForBit(expected, $"{quantity}");
        }
    }

    [Theory]
    [InlineData("0")]
    [InlineData("1")]
    [InlineData("10")]
    [InlineData("1000000000")]
    [InlineData("1500000000")]
    [InlineData("123456789012")]
    [InlineData("100000000000000000000")] // over 64 bits: the division itself
    [InlineData("18446744073709551615")]
    [InlineData("18446744073709551616")]
    [InlineData("79228162514264337593543950335")]
    public void Billionths_is_the_division_bit_for_bit(string units)
    {
        var value = decimal.Parse(units, System.Globalization.CultureInfo.InvariantCulture);
        RiskManager.Billionths(value).ShouldBeBitForBit(value / Billion, units);
    }
}
