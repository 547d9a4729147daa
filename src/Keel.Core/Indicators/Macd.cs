using Keel.Core.Domain;

namespace Keel.Core.Indicators;

/// <summary>
/// Moving average convergence/divergence as TA-Lib computes it: the MACD line is EMA(fast) − EMA(slow),
/// the signal line an EMA(signal) of the MACD line, and the histogram line − signal.
/// </summary>
/// <remarks>
/// <para>TA-Lib aligns the two price EMAs so that their first values fall on the same bar. TA_MACD
/// seeds the slow EMA with the mean of inputs [0 .. slow−1] and the fast EMA with the mean of the
/// tail of that window, inputs [slow−fast .. slow−1], not with the first <c>fast</c> inputs
/// (older versions did it by starting both TA_INT_EMA calls at the same index; the rewritten
/// single-pass code says so in a comment: "the fast and slow seed windows end on the same bar").
/// Both are then advanced with ema = (x − ema)·k + ema, k = 2/(n+1). So the first MACD-line value is at
/// index slow−1 (25 for 12/26/9) and differs from an EMA(12) started at input 0.</para>
/// <para>The signal EMA is seeded with the mean of the first <c>signal</c> MACD-line values, so the first
/// complete output is at index (slow−1)+(signal−1) = 33 for 12/26/9; TA-Lib's lookback is
/// slow−1 + signal−1 and its regression test expects outBegIdx 33. TA-Lib outputs nothing before that,
/// so all three outputs here stay NaN, and <see cref="IsReady"/> false, until then (warm-up 34).</para>
/// <para>Checked against TA-Lib's published regression value for its reference data set: MACD −1.9738
/// and signal −2.7071 at index 33 (ta_regtest/ta_test_func/test_macd.c); seeding the fast EMA from
/// input 0 instead gives −2.1835.</para>
/// </remarks>
public sealed class Macd : MultiOutputPriceIndicator
{
    private readonly Ema _fast;
    private readonly Ema _slow;
    private readonly Ema _signal;

    public Macd(int fastPeriod = 12, int slowPeriod = 26, int signalPeriod = 9)
        : base($"macd_{fastPeriod}_{slowPeriod}_{signalPeriod}",
            [$"macd_{fastPeriod}_{slowPeriod}_{signalPeriod}", $"macd_signal_{fastPeriod}_{slowPeriod}_{signalPeriod}", $"macd_hist_{fastPeriod}_{slowPeriod}_{signalPeriod}"])
    {
        IndicatorGuard.Period(fastPeriod, minimum: 1, "MACD", nameof(fastPeriod));
        IndicatorGuard.Period(slowPeriod, minimum: 2, "MACD", nameof(slowPeriod));
        IndicatorGuard.Period(signalPeriod, minimum: 1, "MACD", nameof(signalPeriod));
        if (fastPeriod >= slowPeriod)
            throw new ArgumentOutOfRangeException(nameof(fastPeriod), fastPeriod,
                $"MACD fastPeriod must be less than slowPeriod, got fast {fastPeriod} and slow {slowPeriod}.");

        FastPeriod = fastPeriod;
        SlowPeriod = slowPeriod;
        SignalPeriod = signalPeriod;
        _fast = new Ema(fastPeriod);
        _slow = new Ema(slowPeriod);
        _signal = new Ema(signalPeriod);
    }

    public int FastPeriod { get; }
    public int SlowPeriod { get; }
    public int SignalPeriod { get; }

    /// <summary>slow + signal − 1: 34 for 12/26/9.</summary>
    public override int WarmUpPeriod => SlowPeriod + SignalPeriod - 1;

    /// <summary>EMA(fast) − EMA(slow); NaN until <see cref="IsReady"/>.</summary>
    public double MacdLine { get; private set; } = double.NaN;

    /// <summary>EMA(signal) of the MACD line; NaN until <see cref="IsReady"/>.</summary>
    public double Signal { get; private set; } = double.NaN;

    /// <summary><see cref="MacdLine"/> − <see cref="Signal"/>; NaN until <see cref="IsReady"/>.</summary>
    public double Histogram { get; private set; } = double.NaN;

    protected override void Accept(double input, int seen)
    {
        _slow.Update(input);
        // The fast EMA starts late so that its seed window ends on the slow one's last seed input.
        if (seen >= SlowPeriod - FastPeriod) _fast.Update(input);

        if (!_slow.IsReady) return;
        var line = _fast.Value - _slow.Value;
        _signal.Update(line);
        if (!_signal.IsReady) return;
        MacdLine = line;
        Signal = _signal.Value;
        Histogram = line - Signal;
    }

    public override double GetOutput(int index) => index switch
    {
        0 => MacdLine,
        1 => Signal,
        2 => Histogram,
        _ => throw new ArgumentOutOfRangeException(nameof(index), index, $"{Name} has outputs 0 (line), 1 (signal) and 2 (histogram)."),
    };

    protected override void ResetState()
    {
        _fast.Reset();
        _slow.Reset();
        _signal.Reset();
        MacdLine = Signal = Histogram = double.NaN;
    }
}
