namespace Keel.Core.Research;

/// <summary>Cuts a series of bars into walk-forward steps (see <see cref="Create"/>).</summary>
public static class WalkForwardWindows
{
    /// <summary>
    /// The walk-forward steps over <paramref name="barCount"/> bars. Out-of-sample windows follow each
    /// other without gap or overlap, each starting right after its in-sample window, so together they
    /// form one continuous out-of-sample record.
    /// </summary>
    /// <param name="barCount">Bars in the series (indices 0 … barCount − 1).</param>
    /// <param name="inSample">Bars of the first in-sample window (of every one when rolling).</param>
    /// <param name="outOfSample">Bars of each out-of-sample window; also the step between windows.</param>
    /// <param name="anchored">False (rolling): in-sample windows keep their length and move by
    /// <paramref name="outOfSample"/>. True (anchored): every in-sample window starts at bar 0 and grows.</param>
    /// <remarks>
    /// The last out-of-sample window may be cut short by the end of the data: it is kept when it has at
    /// least half of <paramref name="outOfSample"/> bars (rounded up), so the steps cover the series to
    /// its last bar; a shorter remainder is dropped, since its statistics would be mostly noise, and then
    /// fewer than half a window of bars at the end is left untested.
    /// </remarks>
    public static IReadOnlyList<WalkForwardWindow> Create(int barCount, int inSample, int outOfSample, bool anchored)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(barCount);
        if (inSample < 1) throw new ArgumentOutOfRangeException(nameof(inSample), inSample, "The in-sample window needs at least 1 bar.");
        if (outOfSample < 1) throw new ArgumentOutOfRangeException(nameof(outOfSample), outOfSample, "The out-of-sample window needs at least 1 bar.");
        var shortest = MinimumLastWindow(outOfSample);
        if ((long)inSample + shortest > barCount)
            throw new ArgumentException(
                $"{barCount} bars are too few for one walk-forward step of {inSample} in-sample and at least {shortest} out-of-sample bars.");

        var windows = new List<WalkForwardWindow>();
        for (var oosStart = inSample; oosStart < barCount; oosStart += outOfSample)
        {
            var oosEnd = (int)Math.Min((long)oosStart + outOfSample, barCount);
            if (oosEnd - oosStart < shortest) break;
            var isStart = anchored ? 0 : oosStart - inSample;
            windows.Add(new WalkForwardWindow(isStart, oosStart, oosStart, oosEnd));
            if (oosEnd == barCount) break;
        }
        return windows;
    }

    /// <summary>The fewest bars a cut-short last out-of-sample window may have: half a window, rounded up.</summary>
    public static int MinimumLastWindow(int outOfSample) => (outOfSample + 1) / 2;
}
