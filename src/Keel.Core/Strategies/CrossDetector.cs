namespace Keel.Core.Strategies;

/// <summary>
/// Detects a cross of two lines as a change of sign of their difference. Bars where the lines are
/// exactly equal are skipped (the last non-zero sign is kept), and the first difference seen only
/// sets the reference, so a cross needs a previous value of both lines.
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

    public void Reset() => _lastSign = 0;
}
