using Keel.Core.Domain;

namespace Keel.Core.Indicators;

/// <summary>
/// Wilder's average true range as TA-Lib computes it. The true range exists from the second bar on:
/// max(high − low, |high − previous close|, |low − previous close|). The first ATR comes with bar
/// period+1 (index period) and is the mean of the first <see cref="Period"/> true ranges; afterwards
/// atr = (atr·(period−1) + TR)/period.
/// </summary>
public sealed class Atr : SingleOutputIndicator
{
    private double _previousClose;
    private double _atr; // while seeding: the sum of the true ranges so far

    public Atr(int period = 14) : base($"atr_{period}", warmUpPeriod: period + 1)
    {
        IndicatorGuard.Period(period, minimum: 1, "ATR", nameof(period));
        Period = period;
    }

    public int Period { get; }

    /// <summary>The true range of <paramref name="bar"/> given the close of the bar before it.</summary>
    public static double TrueRange(in Bar bar, double previousClose) =>
        Math.Max(bar.High - bar.Low, Math.Max(Math.Abs(previousClose - bar.High), Math.Abs(previousClose - bar.Low)));

    protected override double ComputeNextValue(in Bar bar)
    {
        if (Samples == 0)
        {
            _previousClose = bar.Close;
            return double.NaN;
        }
        var trueRange = TrueRange(in bar, _previousClose);
        _previousClose = bar.Close;

        if (Samples < Period)
        {
            _atr += trueRange;
            return double.NaN;
        }
        _atr = Samples == Period
            ? (_atr + trueRange) / Period
            : (_atr * (Period - 1) + trueRange) / Period;
        return _atr;
    }

    protected override void ResetState() => _previousClose = _atr = 0;
}
