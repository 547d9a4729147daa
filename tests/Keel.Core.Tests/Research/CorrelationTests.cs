using Keel.Core.Research;

namespace Keel.Core.Tests.Research;

public class CorrelationTests
{
    [Fact]
    public void Pearson_matches_a_hand_computed_value()
    {
        // a = 1,2,3,4; b = 2,1,4,3: means 2.5 and 2.5; deviations (−1.5,−0.5,0.5,1.5) and (−0.5,−1.5,1.5,0.5);
        // covariance sum 0.75+0.75+0.75+0.75 = 3; variance sums 5 and 5 → r = 3/5 = 0.6.
        Correlation.Pearson([1, 2, 3, 4], [2, 1, 4, 3]).ShouldBe(0.6, 1e-12);
        Correlation.Pearson([1, 2, 3], [3, 2, 1]).ShouldBe(-1, 1e-12);
        double.IsNaN(Correlation.Pearson([1, 1, 1], [1, 2, 3])).ShouldBeTrue();
        var m = Correlation.Matrix([[1, 2, 3, 4], [2, 1, 4, 3]]);
        m[0, 0].ShouldBe(1.0);
        m[0, 1].ShouldBe(0.6, 1e-12);
        m[1, 0].ShouldBe(0.6, 1e-12);
    }
}
