using Keel.Data.Synthetic;

namespace Keel.Data.Tests.Synthetic;

public class SplitMix64Tests
{
    [Fact]
    public void Matches_the_reference_sequence_for_seed_1234567()
    {
        var random = new SplitMix64(1234567);
        ulong[] expected = [6457827717110365317, 3203168211198807973, 9817491932198370423, 4593380528125082431, 16408922859458223821];
        expected.Select(_ => random.NextUInt64()).ToArray().ShouldBe(expected);
    }

    [Fact]
    public void Normals_have_mean_zero_and_variance_one()
    {
        var random = new SplitMix64(42);
        var draws = Enumerable.Range(0, 200_000).Select(_ => random.NextNormal()).ToArray();
        var mean = draws.Average();
        var variance = draws.Select(d => (d - mean) * (d - mean)).Average();
        mean.ShouldBe(0, 0.01);
        variance.ShouldBe(1, 0.02);
    }

    [Fact]
    public void Uniforms_stay_in_the_unit_interval()
    {
        var random = new SplitMix64(7);
        for (var i = 0; i < 100_000; i++) random.NextDouble().ShouldBeInRange(0, 0.9999999999999999);
    }
}
