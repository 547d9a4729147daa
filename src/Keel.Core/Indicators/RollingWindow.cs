using System.Runtime.CompilerServices;

namespace Keel.Core.Indicators;

/// <summary>
/// The last <see cref="Capacity"/> values in arrival order, in a ring buffer allocated once:
/// adding a value never allocates.
/// </summary>
internal sealed class RollingWindow
{
    private readonly double[] _values;
    private int _next; // the slot the next value goes to; once full, also the slot of the oldest value

    public RollingWindow(int capacity)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(capacity, 1);
        _values = new double[capacity];
    }

    public int Capacity => _values.Length;
    public int Count { get; private set; }
    public bool IsFull => Count == _values.Length;

    /// <summary>The value <paramref name="index"/> places after the oldest one (0 is the oldest).</summary>
    public double this[int index]
    {
        get
        {
            if ((uint)index >= (uint)Count) Refuse(index);
            var slot = (IsFull ? _next : 0) + index;
            return _values[slot < _values.Length ? slot : slot - _values.Length];
        }
    }

    // Out of line, so that reading a value is small enough to inline (indicators read one or more per bar).
    [MethodImpl(MethodImplOptions.NoInlining)]
    private void Refuse(int index) => throw new ArgumentOutOfRangeException(nameof(index), index, $"The window holds {Count} values.");

    public double Oldest => this[0];
    public double Newest => this[Count - 1];

    /// <summary>Appends a value, dropping the oldest one when the window is full.</summary>
    public void Add(double value)
    {
        _values[_next] = value;
        _next = _next + 1 == _values.Length ? 0 : _next + 1;
        if (Count < _values.Length) Count++;
    }

    public void Clear()
    {
        Array.Clear(_values);
        _next = 0;
        Count = 0;
    }
}
