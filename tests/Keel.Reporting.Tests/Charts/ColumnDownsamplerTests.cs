using FsCheck;
using FsCheck.Xunit;
using Keel.Reporting.Charts;

namespace Keel.Reporting.Tests.Charts;

public sealed class ColumnDownsamplerTests
{
    [Fact]
    public void Each_column_keeps_its_lowest_and_highest_point_in_time_order()
    {
        long[] x = [0, 1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11];
        double[] y = [5, 9, 1, 4, 4, 7, 0, 3, 8, 2, 6, 5];
        var (xs, ys) = ColumnDownsampler.MinMax(x, y, columns: 2);
        // first point, column [1..5]: min 1 at x=2, max 9 at x=1; column [6..10]: min 0 at x=6, max 8 at x=8; last point.
        xs.ShouldBe([0, 1, 2, 6, 8, 11]);
        ys.ShouldBe([5, 9, 1, 0, 8, 5]);
    }

    [Property(MaxTest = 200)]
    public bool Never_more_than_two_points_per_column_and_the_extremes_survive(NonEmptyArray<NormalFloat> values, PositiveInt columnCount)
    {
        var y = values.Get.Select(v => v.Get).ToArray();
        var x = Enumerable.Range(0, y.Length).Select(i => (long)i * 60_000).ToArray();
        var columns = Math.Min(columnCount.Get, 50);
        var (xs, ys) = ColumnDownsampler.MinMax(x, y, columns);
        return xs.Length <= Math.Max(y.Length, 2 * columns + 2)
            && ys.Max() == y.Max() && ys.Min() == y.Min()
            && xs[0] == x[0] && xs[^1] == x[^1]
            && xs.Zip(xs.Skip(1)).All(p => p.First < p.Second);
    }
}
