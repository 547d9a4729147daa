namespace Keel.Core.Tests.Research;

/// <summary>
/// Gaussian noise from SplitMix64 and Box–Muller, written out so the numbers a test pins down do not
/// depend on System.Random's implementation.
/// </summary>
internal sealed class SeededNoise(ulong seed)
{
    private ulong _state = seed;

    public double NextUniform()
    {
        var z = _state += 0x9E3779B97F4A7C15UL;
        z = (z ^ (z >> 30)) * 0xBF58476D1CE4E5B9UL;
        z = (z ^ (z >> 27)) * 0x94D049BB133111EBUL;
        z ^= z >> 31;
        return ((z >> 11) + 0.5) / (1UL << 53); // in (0, 1)
    }

    public double NextGaussian() => Math.Sqrt(-2 * Math.Log(NextUniform())) * Math.Cos(2 * Math.PI * NextUniform());

    /// <summary>A periods × trials matrix of N(mean, sd²) returns.</summary>
    public double[,] Matrix(int periods, int trials, double mean = 0, double sd = 0.01)
    {
        var m = new double[periods, trials];
        for (var t = 0; t < periods; t++)
            for (var n = 0; n < trials; n++)
                m[t, n] = mean + sd * NextGaussian();
        return m;
    }
}
