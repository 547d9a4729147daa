using System.Numerics;
using System.Runtime.CompilerServices;
using System.Runtime.Intrinsics;

namespace Keel.Core.Strategies;

/// <summary>
/// Detects a cross of two lines as a change of sign of their difference. Bars where the lines are
/// exactly equal are skipped (the last non-zero sign is kept), and the first difference seen only
/// sets the reference, so a cross needs a previous value of both lines. Given the lines' coming values
/// (cached indicators) it can also say how long until the next cross, for strategies that fast-forward.
/// </summary>
internal struct CrossDetector
{
    private int _lastSign;

    /// <summary>+1 when the difference turned positive, -1 when it turned negative, 0 otherwise.</summary>
    public int Update(double difference)
    {
        var sign = Math.Sign(difference);
        if (sign == 0) return 0;
        var previous = _lastSign;
        _lastSign = sign;
        return previous != 0 && previous != sign ? sign : 0;
    }

    /// <summary>
    /// How many of the coming pairs (a[k], b[k]) go by before a − b crosses, all of them if it does not;
    /// pairs where b is NaN (the lines still warming up) are skipped. Changes nothing.
    /// </summary>
    public readonly int PairsBeforeCross(ReadOnlySpan<double> a, ReadOnlySpan<double> b)
    {
        var count = Math.Min(a.Length, b.Length);
        var last = _lastSign;
        var k = 0;
        for (; k < count && last == 0; k++) // no reference yet: the first non-zero difference sets it
        {
            if (!double.IsNaN(b[k])) last = Math.Sign(a[k] - b[k]);
        }
        // With a reference, a cross is the first difference of the other sign: a plain comparison a bar.
        if (last > 0) return FirstBelow(a[..count], b[..count], k);
        if (last < 0) return FirstBelow(b[..count], a[..count], k);
        return count;
    }

    /// <summary>
    /// The first index from <paramref name="start"/> where x &lt; y (false for NaN, as the plain comparison),
    /// else the length. Compared several pairs at a time: a sweep trial scans nearly all its bars here.
    /// Compiled optimised at the first call: ReadyToRun leaves out code that needs AVX2, and its unoptimised
    /// first tier would call each vector operation instead of emitting one instruction.
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private static int FirstBelow(ReadOnlySpan<double> x, ReadOnlySpan<double> y, int start)
    {
        var k = start;
        if (Vector256.IsHardwareAccelerated)
        {
            for (; k <= x.Length - Vector256<double>.Count; k += Vector256<double>.Count)
            {
                var below = Vector256.LessThan(Vector256.Create(x[k..]), Vector256.Create(y[k..])).ExtractMostSignificantBits();
                if (below != 0) return k + BitOperations.TrailingZeroCount(below);
            }
        }
        for (; k < x.Length; k++) if (x[k] < y[k]) return k;
        return x.Length;
    }

    /// <summary>Moves past pairs that do not cross (<see cref="PairsBeforeCross"/>), as <see cref="Update"/> on each would.</summary>
    public void Pass(ReadOnlySpan<double> a, ReadOnlySpan<double> b)
    {
        // Without a cross, only the last non-zero difference changes anything.
        for (var k = Math.Min(a.Length, b.Length) - 1; k >= 0; k--)
        {
            if (double.IsNaN(b[k])) return; // warming up from here back: no difference seen
            var difference = a[k] - b[k];
            if (difference == 0) continue;
            Update(difference);
            return;
        }
    }

    public void Reset() => _lastSign = 0;
}
