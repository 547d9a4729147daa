namespace Keel.Core.Tests.Research;

/// <summary>
/// R's default random numbers, test-only, so a test can rebuild a matrix that a published R example
/// drew: <c>set.seed(seed)</c> then <c>runif</c> / <c>rnorm</c> with RNGkind "Mersenne-Twister",
/// "Inversion" (R's defaults since 1.7.0; sample.kind does not matter here). Written from the
/// description of R's src/main/RNG.c and snorm.c, and checked against R 4.2.2's output in RRandomTests.
/// </summary>
/// <remarks>
/// <para>set.seed scrambles the seed by 50 steps of the LCG s ← 69069·s + 1 (mod 2³²), then fills R's
/// 625-word seed vector with further steps: word 0 is the Mersenne Twister's position (forced to 624, so
/// the first draw regenerates the state) and words 1…624 are the state.</para>
/// <para>The generator is MT19937 (Matsumoto and Nishimura, 1998); a draw is y·2⁻³², nudged into (0, 1)
/// when it is exactly 0. rnorm by inversion takes two draws for 27 + 32 bits, u = ⌊2²⁷·u₁⌋ + u₂, and
/// returns Φ⁻¹(u / 2²⁷) by <see cref="As241"/>.</para>
/// </remarks>
internal sealed class RRandom
{
    private const int StateSize = 624;
    private const int Middle = 397;
    private const uint UpperMask = 0x80000000;
    private const uint LowerMask = 0x7fffffff;
    private const uint Twist = 0x9908b0df;
    private const double TwoToMinus32 = 2.3283064365386963e-10;
    private const double HalfOfOneOver2To32Minus1 = 0.5 * 2.328306437080797e-10;
    private const double TwoTo27 = 134217728;

    private readonly uint[] _state = new uint[StateSize];
    private int _position;

    /// <summary>The generator as <c>set.seed(seed)</c> leaves it.</summary>
    public RRandom(int seed)
    {
        var s = unchecked((uint)seed);
        for (var i = 0; i < 50; i++) s = Step(s);
        s = Step(s); // word 0 of the seed vector: the position, overwritten below
        for (var i = 0; i < StateSize; i++) _state[i] = s = Step(s);
        _position = StateSize;
    }

    private static uint Step(uint s) => unchecked(69069 * s + 1);

    /// <summary><c>runif(1)</c>: in (0, 1).</summary>
    public double NextUniform()
    {
        var u = NextWord() * TwoToMinus32;
        if (u <= 0) return HalfOfOneOver2To32Minus1;
        if (1 - u <= 0) return 1 - HalfOfOneOver2To32Minus1;
        return u;
    }

    /// <summary><c>rnorm(1)</c>: a standard normal by inversion.</summary>
    public double NextNormal()
    {
        var u = NextUniform();
        u = (int)(TwoTo27 * u) + NextUniform();
        return As241.Quantile(u / TwoTo27);
    }

    private uint NextWord()
    {
        if (_position >= StateSize) Regenerate();
        var y = _state[_position++];
        y ^= y >> 11;
        y ^= (y << 7) & 0x9d2c5680;
        y ^= (y << 15) & 0xefc60000;
        y ^= y >> 18;
        return y;
    }

    private void Regenerate()
    {
        for (var k = 0; k < StateSize; k++)
        {
            var y = (_state[k] & UpperMask) | (_state[(k + 1) % StateSize] & LowerMask);
            _state[k] = _state[(k + Middle) % StateSize] ^ (y >> 1) ^ ((y & 1) == 0 ? 0 : Twist);
        }
        _position = 0;
    }
}
