using Keel.Core.Domain;

namespace Keel.Core.Tests.Domain;

/// <summary>
/// <see cref="BarColumns.ToBars"/> accepts exactly the rows that the <see cref="Bar"/> constructor accepts in strictly
/// increasing time, and makes the same bars of them: over rows built from awkward values (NaN, infinities, zero,
/// negatives, equal and crossed prices, times equal to or before the previous one).
/// </summary>
public sealed class BarColumnsTests
{
    private static readonly double[] Awkward = [1.5, 2.0, 2.5, 100.25, 0, -1, double.NaN, double.PositiveInfinity, double.NegativeInfinity, double.MaxValue, double.Epsilon];

    [Fact]
    public void Accepts_exactly_the_rows_the_bar_constructor_accepts_in_time_order()
    {
        var random = new Random(18);
        var accepted = 0;
        for (var trial = 0; trial < 20_000; trial++)
        {
            var previous = random.Next(3) == 0 ? -1 : 1_000L;
            long[] ticks = [random.Next(4) switch { 0 => previous, 1 => previous - 1, 2 => DateTime.MaxValue.Ticks + 1, _ => previous + 1 + random.Next(100) }];
            double[] open = [Pick(random)], high = [Pick(random)], low = [Pick(random)], close = [Pick(random)], volume = [Pick(random)];
            var into = new Bar[1];

            var firstBad = BarColumns.ToBars(ticks, open, high, low, close, volume, previous, into);

            var reference = ticks[0] >= 0 && ticks[0] <= DateTime.MaxValue.Ticks && ticks[0] > previous
                ? Bar.Validate(new DateTime(ticks[0], DateTimeKind.Utc), open[0], high[0], low[0], close[0], volume[0])
                : "out of order";
            firstBad.ShouldBe(reference is null ? -1 : 0, $"row {ticks[0]} after {previous}: {open[0]} {high[0]} {low[0]} {close[0]} {volume[0]}");
            if (reference is null)
            {
                into[0].ShouldBe(new Bar(new DateTime(ticks[0], DateTimeKind.Utc), open[0], high[0], low[0], close[0], volume[0]));
                accepted++;
            }
        }
        accepted.ShouldBeGreaterThan(200); // the awkward values still leave many good rows
    }

    [Fact]
    public void Stops_at_the_first_row_that_is_not_a_bar_having_written_those_before_it()
    {
        long[] ticks = [10, 20, 20, 40];
        double[] price = [1, 1, 1, 1], volume = [5, 5, 5, 5];
        var into = new Bar[4];

        BarColumns.ToBars(ticks, price, price, price, price, volume, -1, into).ShouldBe(2);

        into[1].Timestamp.Ticks.ShouldBe(20);
        into[1].Timestamp.Kind.ShouldBe(DateTimeKind.Utc);
        into[2].ShouldBe(default);
    }

    // Mostly ordinary prices, so that whole rows pass often enough to compare the bars made.
    private static double Pick(Random random) => random.Next(3) == 0 ? Awkward[random.Next(Awkward.Length)] : Awkward[random.Next(4)];
}
