using Keel.Core.Indicators;
using Keel.Core.Strategies;

namespace Keel.Core.Ensembles;

/// <summary>
/// A member's hypothetical track record: the position its own signals would hold (long after a buy,
/// flat after a sell, whatever the ensemble did) and the close-to-close return of that position per
/// bar (0 while flat), over a rolling window.
/// </summary>
internal sealed class MemberTracker
{
    private readonly RollingWindow _returns;
    private bool _long;
    private double _lastClose = double.NaN;

    public MemberTracker(int window) => _returns = new RollingWindow(window);

    public RollingWindow Returns => _returns;

    /// <summary>
    /// Books the return from the previous close to <paramref name="close"/> of the position held since
    /// the previous bar. Called before the member sees this bar, so nothing of its signal on this bar
    /// (or any later price) can reach the returns used to weigh that signal.
    /// </summary>
    public void RecordClose(double close)
    {
        if (!double.IsNaN(_lastClose)) _returns.Add(_long ? close / _lastClose - 1 : 0);
        _lastClose = close;
    }

    /// <summary>Whether the member's own signals would hold a position now.</summary>
    public bool IsLong => _long;

    /// <summary>The confidence of the buy that opened the member's current stance.</summary>
    public double EntryConfidence { get; private set; }

    /// <summary>Follows the member's signal on this bar: it holds from this close on.</summary>
    public void Follow(in Signal signal)
    {
        if (signal.Action == SignalAction.Buy)
        {
            if (!_long) EntryConfidence = signal.Confidence;
            _long = true;
        }
        else if (signal.Action == SignalAction.Sell)
        {
            _long = false;
        }
    }

    public double MeanReturn()
    {
        if (_returns.Count == 0) return 0;
        var sum = 0.0;
        for (var i = 0; i < _returns.Count; i++) sum += _returns[i];
        return sum / _returns.Count;
    }

    public void Reset()
    {
        _returns.Clear();
        _long = false;
        EntryConfidence = 0;
        _lastClose = double.NaN;
    }
}
