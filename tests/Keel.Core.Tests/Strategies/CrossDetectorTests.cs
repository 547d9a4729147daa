using FsCheck.Xunit;
using Keel.Core.Strategies;

namespace Keel.Core.Tests.Strategies;

/// <summary>The look-ahead of the cross detector (used to fast-forward) agrees with feeding it bar by bar.</summary>
public class CrossDetectorTests
{
    [Property(MaxTest = 300)]
    public void Looking_ahead_finds_the_first_cross_and_passing_leaves_the_state_of_updating(int seed)
    {
        var random = new Random(seed);
        var n = random.Next(0, 40);
        var warmUp = random.Next(0, 5);
        // Lines in whole numbers, so that they are often exactly equal; NaN while warming up.
        var a = Enumerable.Range(0, n).Select(k => k < warmUp ? double.NaN : random.Next(-2, 3)).ToArray();
        var b = Enumerable.Range(0, n).Select(k => k < warmUp ? double.NaN : (double)random.Next(-2, 3)).ToArray();
        var detector = new CrossDetector();
        for (var k = 0; k < random.Next(0, 3); k++) detector.Update(random.Next(-1, 2)); // some history

        var stepped = detector;
        var firstCross = n;
        for (var k = 0; k < n; k++)
        {
            if (double.IsNaN(b[k])) continue;
            if (stepped.Update(a[k] - b[k]) != 0) { firstCross = k; break; }
        }
        detector.PairsBeforeCross(a, b).ShouldBe(firstCross);

        // Passing the pairs before the cross leaves the detector as updating on each of them did.
        var passed = detector;
        passed.Pass(a.AsSpan(0, firstCross), b.AsSpan(0, firstCross));
        var updated = detector;
        for (var k = 0; k < firstCross; k++)
            if (!double.IsNaN(b[k])) updated.Update(a[k] - b[k]);
        passed.ShouldBe(updated);
    }
}
