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
        if (last > 0)
        {
            for (; k < count; k++) if (a[k] < b[k]) return k;
        }
        else if (last < 0)
        {
            for (; k < count; k++) if (a[k] > b[k]) return k;
        }
        return count;
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
