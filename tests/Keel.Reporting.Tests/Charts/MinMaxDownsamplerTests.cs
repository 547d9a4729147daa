using Keel.Reporting.Charts;

namespace Keel.Reporting.Tests.Charts;

public class MinMaxDownsamplerTests
{
    [Fact]
    public void Short_series_are_kept_whole()
    {
        MinMaxDownsampler.SelectIndices([1.0, 2, 3], 1_000).ShouldBe([0, 1, 2]);
    }

    [Fact]
    public void Long_series_keep_first_last_and_extremes_in_time_order()
    {
        var values = SampleData.RandomWalk(seed: 3, points: 100_000).Select(p => p.Equity).ToArray();
        var lowest = Array.IndexOf(values, values.Min());
        var highest = Array.IndexOf(values, values.Max());

        var kept = MinMaxDownsampler.SelectIndices(values, 1_000);

        kept.Length.ShouldBeLessThanOrEqualTo(1_000);
        kept.Length.ShouldBeGreaterThan(900);
        kept[0].ShouldBe(0);
        kept[^1].ShouldBe(values.Length - 1);
        kept.ShouldContain(lowest);
        kept.ShouldContain(highest);
        kept.ShouldBe(kept.Order().Distinct().ToArray()); // increasing, no repeats
    }
}
