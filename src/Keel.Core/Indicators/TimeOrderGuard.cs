using System.Runtime.CompilerServices;

namespace Keel.Core.Indicators;

/// <summary>
/// Remembers the time of the last bar and refuses a bar that does not move forward, so that a
/// replayed or duplicated bar cannot silently count twice.
/// </summary>
internal struct TimeOrderGuard
{
    private DateTime? _last;

    public void Advance(DateTime timestamp, string indicator)
    {
        if (_last is { } last && timestamp <= last) Refuse(timestamp, last, indicator);
        _last = timestamp;
    }

    // Out of line, so that the check itself is small enough to inline into every indicator update.
    [MethodImpl(MethodImplOptions.NoInlining)]
    private static void Refuse(DateTime timestamp, DateTime last, string indicator) =>
        throw new InvalidOperationException(
            $"{indicator}: bar at {timestamp:O} is not after the previous bar at {last:O}; bars must arrive in strictly increasing time.");

    public void Reset() => _last = null;
}
