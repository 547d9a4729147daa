using Keel.Core.Research;

namespace Keel.Core.Tests.Research;

public class RollingCorrelationTests
{
    [Fact]
    public void Each_window_matches_a_hand_computed_value()
    {
        // a = 1,2,3,4,5; b = 2,1,4,3,6; windows of 4.
        // [1,2,3,4] with [2,1,4,3]: r = 3/5 = 0.6 (see CorrelationTests).
        // [2,3,4,5] with [1,4,3,6]: deviations (−1.5,−0.5,0.5,1.5) and (−2.5,0.5,−0.5,2.5); covariance sum
        // 3.75−0.25−0.25+3.75 = 7; variance sums 5 and 13 → r = 7/√65 = 0.868243142124459.
        var values = RollingCorrelation.Of([1, 2, 3, 4, 5], [2, 1, 4, 3, 6], window: 4);
        values.Length.ShouldBe(2);
        values[0].ShouldBe(0.6, 1e-12);
        values[1].ShouldBe(0.868243142124459, 1e-12);

        var summary = RollingCorrelation.Summarize([1, 2, 3, 4, 5], [2, 1, 4, 3, 6], window: 4);
        summary.ShouldBe(summary with { Window = 4, Windows = 2, Defined = 2 });
        summary.Mean.ShouldBe((0.6 + 0.868243142124459) / 2, 1e-12);
        summary.Min.ShouldBe(0.6, 1e-12);
        summary.Max.ShouldBe(0.868243142124459, 1e-12);
    }

    [Fact]
    public void Agrees_with_the_textbook_formula_on_every_window_and_skips_flat_ones()
    {
        // An independent calculation: r = (nΣxy − ΣxΣy) / √((nΣx² − (Σx)²)(nΣy² − (Σy)²)), in decimal.
        var noise = new SeededNoise(3);
        var a = Enumerable.Range(0, 200).Select(_ => Math.Round(0.01 * noise.NextGaussian(), 6)).ToArray();
        var b = a.Select(x => Math.Round(0.5 * x + 0.01 * noise.NextGaussian(), 6)).ToArray();
        for (var k = 50; k < 70; k++) a[k] = 0; // a flat stretch: windows inside it have no correlation
        const int window = 15;

        var values = RollingCorrelation.Of(a, b, window);
        values.Length.ShouldBe(200 - window + 1);
        var defined = new List<double>();
        for (var k = 0; k < values.Length; k++)
        {
            var expected = Textbook(a.AsSpan(k, window), b.AsSpan(k, window));
            if (expected is null) { double.IsNaN(values[k]).ShouldBeTrue($"window {k}"); continue; }
            values[k].ShouldBe(expected.Value, 1e-9, $"window {k}");
            defined.Add(expected.Value);
        }
        defined.Count.ShouldBe(values.Length - (70 - 50 - window + 1)); // the windows wholly inside the flat stretch

        var summary = RollingCorrelation.Summarize(a, b, window);
        summary.Defined.ShouldBe(defined.Count);
        summary.Mean.ShouldBe(defined.Average(), 1e-9);
        summary.Min.ShouldBe(defined.Min(), 1e-9);
        summary.Max.ShouldBe(defined.Max(), 1e-9);
    }

    [Fact]
    public void Series_shorter_than_the_window_give_no_windows()
    {
        RollingCorrelation.Of([1, 2, 3], [3, 2, 1], window: 5).ShouldBeEmpty();
        var summary = RollingCorrelation.Summarize([1, 2, 3], [3, 2, 1], window: 5);
        summary.Windows.ShouldBe(0);
        double.IsNaN(summary.Mean).ShouldBeTrue();
        Should.Throw<ArgumentOutOfRangeException>(() => RollingCorrelation.Of([1, 2], [1, 2], window: 1));
    }

    private static double? Textbook(ReadOnlySpan<double> x, ReadOnlySpan<double> y)
    {
        decimal n = x.Length, sx = 0, sy = 0, sxx = 0, syy = 0, sxy = 0;
        for (var i = 0; i < x.Length; i++)
        {
            decimal xi = (decimal)x[i], yi = (decimal)y[i];
            sx += xi; sy += yi; sxx += xi * xi; syy += yi * yi; sxy += xi * yi;
        }
        var varX = n * sxx - sx * sx;
        var varY = n * syy - sy * sy;
        if (varX == 0 || varY == 0) return null;
        return (double)(n * sxy - sx * sy) / Math.Sqrt((double)varX * (double)varY);
    }
}
