using Keel.Core.Indicators;

namespace Keel.Core.Tests.Indicators;

/// <summary>
/// Live (bar by bar) and batch evaluation must agree to the last bit, including after flat
/// stretches, on a long seeded random series.
/// </summary>
public class IncrementalBatchTests
{
    private static readonly Keel.Core.Domain.Bar[] Bars = IndicatorTestData.RandomBars(5_000, seed: 20240102);

    [Theory]
    [MemberData(nameof(IndicatorTestData.AllSpecsData), MemberType = typeof(IndicatorTestData))]
    public void Bar_by_bar_equals_batch_bitwise(string spec)
    {
        var incremental = IndicatorTestData.RunIncrementally(IndicatorSpec.Parse(spec), Bars);
        var batch = IndicatorBatch.Run(IndicatorSpec.Parse(spec), Bars);

        IndicatorTestData.ShouldBeBitwiseEqual(batch, incremental, spec);
        incremental[0].Count(double.IsFinite).ShouldBeGreaterThan(4_000, "the comparison must cover real values, not just NaN");
    }

    [Theory]
    [MemberData(nameof(IndicatorTestData.AllSpecsData), MemberType = typeof(IndicatorTestData))]
    public void Feeding_closes_equals_feeding_bars_bitwise(string spec)
    {
        if (IndicatorSpec.Parse(spec) is not IPriceIndicator byValue) return; // ATR needs high and low

        var fromBars = IndicatorBatch.Run(IndicatorSpec.Parse(spec), Bars);
        var fromCloses = IndicatorBatch.Run(byValue, IndicatorTestData.Closes(Bars));

        IndicatorTestData.ShouldBeBitwiseEqual(fromCloses, fromBars, spec);
    }

    [Fact]
    public void Batch_resets_an_indicator_that_was_already_used()
    {
        var used = new Sma(20);
        foreach (var bar in Bars.AsSpan(0, 100)) used.Update(in bar);

        var batch = IndicatorBatch.Run(used, IndicatorTestData.Closes(Bars));

        IndicatorTestData.ShouldBeBitwiseEqual(batch, IndicatorBatch.Run(new Sma(20), Bars), "sma:20");
    }
}
