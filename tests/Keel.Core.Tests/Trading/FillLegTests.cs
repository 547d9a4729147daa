using FsCheck.Xunit;
using Keel.Core.Trading;

namespace Keel.Core.Tests.Trading;

/// <summary>A leg's average price is notional / quantity, bit for bit, whether or not it skips the division.</summary>
public class FillLegTests
{
    [Property(MaxTest = 300)]
    public void Average_price_is_the_division_it_stands_for(int seed)
    {
        var random = new Random(seed);
        for (var i = 0; i < 100; i++)
        {
            var leg = new FillLeg();
            for (var fill = random.Next(1, 4); fill > 0; fill--) leg.Add(Quantity(random), Price(random));
            leg.AveragePrice.ShouldBeBitForBit(leg.Notional / leg.Quantity, $"{leg.Notional} / {leg.Quantity}");
        }
    }

    /// <summary>
    /// The ledger, the position and the broker's cash check share one price · quantity per fill, where each used to
    /// multiply for itself, some as quantity · price: the product must not depend on the operands' order, even rounded.
    /// </summary>
    [Property(MaxTest = 300)]
    public void A_fill_notional_does_not_depend_on_the_operands_order(int seed)
    {
        var random = new Random(seed);
        for (var i = 0; i < 200; i++)
        {
            var price = Price(random);
            var quantity = random.Next(2) == 0 ? Quantity(random) : 95_000m * random.Next(1, 100) / price; // percent sizing: 28 digits
            (price * quantity).ShouldBeBitForBit(quantity * price, $"{price} · {quantity}");
            var leg = new FillLeg();
            leg.Add(quantity, price, price * quantity);
            var reference = new FillLeg();
            reference.Add(quantity, price);
            leg.AveragePrice.ShouldBeBitForBit(reference.AveragePrice, $"{price} · {quantity}");
            leg.Notional.ShouldBeBitForBit(reference.Notional, $"{price} · {quantity}");
        }
    }

    /// <summary>Prices as bars give them (doubles converted) and as brokers do (rounded), tiny to huge, so products are exact or not.</summary>
    private static decimal Price(Random random) => random.Next(3) switch
    {
        0 => (decimal)(random.NextDouble() * Math.Pow(10, random.Next(-9, 9))) + 0.000001m,
        1 => Math.Round((decimal)(random.NextDouble() * 1000), random.Next(0, 5)) + 0.01m,
        _ => new decimal(random.Next(1, int.MaxValue), random.Next(100), 0, false, (byte)random.Next(0, 29)),
    };

    /// <summary>Whole shares, and crypto-like fractions down to 9 decimals.</summary>
    private static decimal Quantity(Random random) => random.Next(3) switch
    {
        0 => random.Next(1, 100_000),
        1 => Math.Floor((decimal)random.NextDouble() * 1_000_000_000m + 1) / 1_000_000_000m,
        _ => (decimal)random.NextInt64(1, 1_000_000_000_000),
    };
}
