namespace Keel.AlpacaSim;

/// <summary>
/// The sim's time: starts where it is told, runs at <see cref="Speed"/> sim seconds per real second
/// (0 freezes it), and can be set or advanced at any moment (admin endpoint or test handle).
/// </summary>
public sealed class SimClock : TimeProvider
{
    private readonly TimeProvider _real;
    private readonly Lock _lock = new();
    private DateTimeOffset _anchor;
    private long _anchorRealTimestamp;
    private double _speed;

    public SimClock(DateTimeOffset start, double speed, TimeProvider? real = null)
    {
        if (speed < 0 || double.IsNaN(speed)) throw new ArgumentOutOfRangeException(nameof(speed), speed, "Speed must be zero or positive.");
        _real = real ?? System;
        _anchor = start.ToUniversalTime();
        _anchorRealTimestamp = _real.GetTimestamp();
        _speed = speed;
    }

    public override DateTimeOffset GetUtcNow()
    {
        lock (_lock) return Now();
    }

    public double Speed
    {
        get { lock (_lock) return _speed; }
        set
        {
            if (value < 0 || double.IsNaN(value)) throw new ArgumentOutOfRangeException(nameof(value), value, "Speed must be zero or positive.");
            lock (_lock)
            {
                Reanchor(Now());
                _speed = value;
            }
        }
    }

    public void Set(DateTimeOffset time)
    {
        lock (_lock) Reanchor(time.ToUniversalTime());
    }

    public void Advance(TimeSpan by)
    {
        lock (_lock) Reanchor(Now() + by);
    }

    private DateTimeOffset Now() =>
        _speed == 0 ? _anchor : _anchor + _real.GetElapsedTime(_anchorRealTimestamp) * _speed;

    private void Reanchor(DateTimeOffset time)
    {
        _anchor = time;
        _anchorRealTimestamp = _real.GetTimestamp();
    }
}
