namespace Keel.Core.Indicators;

/// <summary>
/// Wilder's relative strength index as TA-Lib computes it. The first average gain and loss are the
/// plain means of the first <see cref="Period"/> changes, so the first value comes with input
/// period+1 (index period); afterwards avg = (avg·(period−1) + current)/period, and
/// RSI = 100·gain/(gain+loss).
/// </summary>
/// <remarks>
/// When gain+loss is 0 (a flat stretch) the RSI is 0, TA-Lib's choice. TA-Lib applies that rule when
/// gain+loss is merely below an epsilon (1e-8 in 0.4, 1e-14 in later versions); we use exactly 0,
/// because a fixed epsilon would zero the RSI of any instrument priced in fractions of a cent.
/// </remarks>
public sealed class Rsi : PriceIndicator
{
    private double _previousInput;
    private double _averageGain; // while seeding: the sum of the gains so far
    private double _averageLoss; // while seeding: the sum of the losses so far (positive)

    public Rsi(int period = 14) : base($"rsi_{period}", warmUpPeriod: period + 1)
    {
        // One change cannot be smoothed, and TA-Lib's RSI(1) just echoes its input.
        IndicatorGuard.Period(period, minimum: 2, "RSI", nameof(period));
        Period = period;
    }

    public int Period { get; }

    protected override double ComputeNextValue(double input)
    {
        if (Samples == 0)
        {
            _previousInput = input;
            return double.NaN;
        }
        var change = input - _previousInput;
        _previousInput = input;
        var gain = change > 0 ? change : 0.0;
        var loss = change < 0 ? -change : 0.0;

        if (Samples < Period)
        {
            _averageGain += gain;
            _averageLoss += loss;
            return double.NaN;
        }
        if (Samples == Period)
        {
            _averageGain = (_averageGain + gain) / Period;
            _averageLoss = (_averageLoss + loss) / Period;
        }
        else
        {
            _averageGain = (_averageGain * (Period - 1) + gain) / Period;
            _averageLoss = (_averageLoss * (Period - 1) + loss) / Period;
        }
        var total = _averageGain + _averageLoss;
        return total == 0 ? 0 : 100 * (_averageGain / total);
    }

    protected override void ResetState() => _previousInput = _averageGain = _averageLoss = 0;
}
