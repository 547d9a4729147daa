namespace Keel.Data.Synthetic;

/// <summary>
/// Steele, Lea and Flood's SplitMix64: a tiny, well-mixed generator whose whole algorithm is the few
/// lines below, so a seed gives the same numbers on every .NET version and platform (System.Random's
/// algorithm is an implementation detail and has changed before).
/// </summary>
internal sealed class SplitMix64(ulong seed)
{
    private ulong _state = seed;
    private double _spareNormal;
    private bool _hasSpareNormal;

    public ulong NextUInt64()
    {
        var z = _state += 0x9E3779B97F4A7C15UL;
        z = (z ^ (z >> 30)) * 0xBF58476D1CE4E5B9UL;
        z = (z ^ (z >> 27)) * 0x94D049BB133111EBUL;
        return z ^ (z >> 31);
    }

    /// <summary>Uniform in [0, 1) with 53 random bits.</summary>
    public double NextDouble() => (NextUInt64() >> 11) * (1.0 / (1UL << 53));

    /// <summary>Standard normal by the Box–Muller transform; each pair of uniforms yields two normals.</summary>
    public double NextNormal()
    {
        if (_hasSpareNormal)
        {
            _hasSpareNormal = false;
            return _spareNormal;
        }
        var u1 = 1.0 - NextDouble(); // in (0, 1], so the logarithm is finite
        var u2 = NextDouble();
        var radius = Math.Sqrt(-2.0 * Math.Log(u1));
        var angle = 2.0 * Math.PI * u2;
        _spareNormal = radius * Math.Sin(angle);
        _hasSpareNormal = true;
        return radius * Math.Cos(angle);
    }

    /// <summary>Exponentially distributed with the given mean.</summary>
    public double NextExponential(double mean) => -mean * Math.Log(1.0 - NextDouble());
}
