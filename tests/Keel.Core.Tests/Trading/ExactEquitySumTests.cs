using FsCheck.Xunit;
using Keel.Core.Trading;

namespace Keel.Core.Tests.Trading;

/// <summary>
/// The 128-bit sum of cash and positions gives the very decimal the decimal loop gives (digits, scale and sign), and
/// gives up rather than differ: on money-like books it almost always answers, and on books whose products or sums
/// outgrow a decimal it declines.
/// </summary>
public class ExactEquitySumTests
{
    [Property(MaxTest = 300)]
    public void Gives_the_bits_of_the_decimal_loop_or_declines(int seed)
    {
        var random = new Random(seed);
        for (var book = 0; book < 50; book++)
        {
            var symbols = random.Next(0, 12);
            var quantities = new decimal[symbols];
            var marks = new double[symbols];
            for (var i = 0; i < symbols; i++)
            {
                quantities[i] = Quantity(random);
                marks[i] = Mark(random);
            }
            var cash = Cash(random);
            var asDouble = quantities.Select(q => (double)q).ToArray();

            if (ExactEquitySum.TrySum(cash, quantities, asDouble, marks, out var total))
                total.ShouldBeBitForBit(Loop(cash, quantities, marks), $"cash {cash}, quantities [{string.Join(", ", quantities)}], marks [{string.Join(", ", marks)}]");
        }
    }

    [Fact]
    public void Answers_for_a_money_like_book_and_declines_where_the_loop_would_round_or_the_sign_of_zero_is_the_orders()
    {
        decimal[] quantities = [0.012345678m, 0m, -3m, 150m];
        double[] marks = [41234.5678901234, 17.5, 99.99, 0.000123];
        var asDouble = quantities.Select(q => (double)q).ToArray();

        ExactEquitySum.TrySum(100_000.00m, quantities, asDouble, marks, out var total).ShouldBeTrue();
        total.ShouldBeBitForBit(Loop(100_000.00m, quantities, marks), "a money-like book");
        ((int)total.Scale).ShouldBe(19); // 9 places of quantity times 10 of the converted mark

        // 28 places of quantity times a mark with places: the loop's product rounds.
        ExactEquitySum.TrySum(1m, [0.0000000000000000000000000001m], [1], [1.5], out _).ShouldBeFalse();
        // A sum past 96 bits at its scale: the loop's sum rounds.
        ExactEquitySum.TrySum(79_228_162_514_264_337_593_543_950_335m, [1m], [1], [1.5], out _).ShouldBeFalse();
        // A symbol not yet marked: the scale of a zero product is the decimal runtime's choice.
        ExactEquitySum.TrySum(1.5m, [8.877245523m], [8.877245523], [0], out _).ShouldBeFalse();
        // Nothing left: whether the loop's zero is negative depends on the order of its terms.
        ExactEquitySum.TrySum(-150m, [100m], [100], [1.5], out _).ShouldBeFalse();
    }

    private static decimal Loop(decimal cash, decimal[] quantities, double[] marks)
    {
        var equity = cash;
        for (var i = 0; i < quantities.Length; i++)
        {
            if (quantities[i] != 0) equity += quantities[i] * (decimal)marks[i];
        }
        return equity;
    }

    /// <summary>Crypto and share quantities, shorts, zeros of any scale, and now and then one too long for a decimal product.</summary>
    private static decimal Quantity(Random random) => random.Next(6) switch
    {
        0 => new decimal(0, 0, 0, random.Next(2) == 0, (byte)random.Next(0, 29)),
        1 => random.Next(-500, 500),
        2 => Math.Round((decimal)random.NextDouble() * 20m - 10m, 9),
        3 => new decimal(random.Next(), random.Next(), random.Next(0, 4), random.Next(2) == 0, (byte)random.Next(0, 29)),
        _ => Math.Round((decimal)random.NextDouble() * 3m, random.Next(0, 10)),
    };

    /// <summary>Prices from fractions of a cent to the millions, with as many digits as a double holds, and the odd zero (a symbol not yet marked).</summary>
    private static double Mark(Random random) => random.Next(8) switch
    {
        0 => 0,
        1 => Math.Round(random.NextDouble() * 500, 2),
        2 => random.NextDouble() * Math.Pow(10, random.Next(-6, 8)),
        _ => 100 + random.NextDouble() * 60_000,
    };

    /// <summary>Cash of any sign and scale, zeros of either sign among it, and the odd amount near decimal's limit.</summary>
    private static decimal Cash(Random random) => random.Next(6) switch
    {
        0 => new decimal(0, 0, 0, random.Next(2) == 0, (byte)random.Next(0, 29)),
        1 => new decimal(-1, -1, -1, random.Next(2) == 0, (byte)random.Next(0, 29)),
        2 => Math.Round((decimal)(random.NextDouble() * 2e6) - 1e6m, random.Next(0, 16)),
        _ => Math.Round((decimal)(random.NextDouble() * 1e5), 2),
    };
}
