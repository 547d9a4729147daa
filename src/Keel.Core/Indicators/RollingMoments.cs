namespace Keel.Core.Indicators;

/// <summary>
/// Mean and population variance of the last <c>period</c> values, updated in amortised O(1) without
/// allocating, and accurate to about 1e-10 relative however long it runs.
/// </summary>
/// <remarks>
/// Plain running sums of x and x² go wrong in two ways: rounding errors pile up with every update
/// (drift), and E[x²] − E[x]² cancels catastrophically when prices are large next to their spread.
/// Here the sums are of deviations from a shift (a recent input, so the squares stay small), and they
/// are recomputed exactly from the window (two passes over it) whenever
/// <list type="bullet">
/// <item>the window has turned over once since the last recomputation, which bounds drift and keeps
/// the shift close to the data; or</item>
/// <item>the squares that flowed through the sum since then outweigh what is left in it by
/// <see cref="CancellationLimit"/>, as happens when a spike leaves the window: what remains would be
/// mostly rounding error of the spike.</item>
/// </list>
/// The second rule also makes a window of equal values exact: when the last different value leaves,
/// the sum of squares collapses to rounding residue, which triggers a recomputation around the newest
/// value, after which every deviation is exactly 0 (variance 0, mean that value).
/// </remarks>
internal sealed class RollingMoments
{
    /// <summary>About 1e6: the worst relative error it lets through is around 1e6 · 2.2e-16 ≈ 2e-10.</summary>
    private const double CancellationLimit = 1 << 20;

    private readonly RollingWindow _window;
    private double _shift;
    private double _sum;          // Σ (x − shift) over the window
    private double _sumOfSquares; // Σ (x − shift)² over the window
    private double _squaresFlow;  // Σ of every square added or removed since the last recomputation
    private int _updatesSinceRecompute;

    public RollingMoments(int period) => _window = new RollingWindow(period);

    public void Add(double value)
    {
        if (_window.Count == 0) _shift = value;

        if (_window.IsFull)
        {
            var leaving = _window.Oldest - _shift;
            _sum -= leaving;
            _sumOfSquares -= leaving * leaving;
            _squaresFlow += leaving * leaving;
        }
        _window.Add(value);
        var deviation = value - _shift;
        _sum += deviation;
        _sumOfSquares += deviation * deviation;
        _squaresFlow += deviation * deviation;

        if (++_updatesSinceRecompute >= _window.Capacity || _squaresFlow > CancellationLimit * _sumOfSquares)
            Recompute();
    }

    /// <summary>The mean of the values in the window (NaN when empty).</summary>
    public double Mean => _window.Count == 0 ? double.NaN : _shift + _sum / _window.Count;

    /// <summary>The population variance (divided by the count) of the values in the window (NaN when empty).</summary>
    public double PopulationVariance
    {
        get
        {
            if (_window.Count == 0) return double.NaN;
            var meanDeviation = _sum / _window.Count;
            var variance = _sumOfSquares / _window.Count - meanDeviation * meanDeviation;
            return variance > 0 ? variance : 0; // rounding can dip just below zero
        }
    }

    public void Clear()
    {
        _window.Clear();
        _shift = _sum = _sumOfSquares = _squaresFlow = 0;
        _updatesSinceRecompute = 0;
    }

    private void Recompute()
    {
        // Summed in locals, then stored: the same additions in the same order, without a memory round trip each.
        var shift = _window.Newest;
        var sum = 0.0;
        var sumOfSquares = 0.0;
        for (var i = 0; i < _window.Count; i++)
        {
            var deviation = _window[i] - shift;
            sum += deviation;
            sumOfSquares += deviation * deviation;
        }
        _shift = shift;
        _sum = sum;
        _sumOfSquares = _squaresFlow = sumOfSquares;
        _updatesSinceRecompute = 0;
    }
}
