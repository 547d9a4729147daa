using FsCheck.Xunit;
using Keel.Core.Trading;

namespace Keel.Core.Tests.Trading;

/// <summary>Skipping zero terms gives the very decimal that plain addition and subtraction give: digits, scale and sign.</summary>
public class DecimalSumTests
{
    [Property(MaxTest = 300)]
    public void Gives_the_bits_of_plain_arithmetic(int seed)
    {
        var random = new Random(seed);
        for (var i = 0; i < 200; i++)
        {
            var total = Any(random);
            var term = random.Next(3) == 0 ? Any(random) : new decimal(0, 0, 0, random.Next(2) == 0, (byte)random.Next(0, 29));
            DecimalSum.Add(total, term).ShouldBeBitForBit(total + term, $"{total} + {term}");
            DecimalSum.Subtract(total, term).ShouldBeBitForBit(total - term, $"{total} - {term}");
        }
    }

    /// <summary>Money-like values of every scale, zeros of either sign among them.</summary>
    private static decimal Any(Random random) => random.Next(4) switch
    {
        0 => new decimal(0, 0, 0, random.Next(2) == 0, (byte)random.Next(0, 29)),
        1 => Math.Round((decimal)(random.NextDouble() * 1e6) - 5e5m, random.Next(0, 13)),
        2 => new decimal(random.Next(), random.Next(1000), 0, random.Next(2) == 0, (byte)random.Next(0, 29)),
        _ => random.Next(-1000, 1000),
    };
}
