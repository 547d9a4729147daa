namespace Keel.Core.Degradation;

/// <summary>A figure's range over <see cref="Trades"/> trades drawn from the backtest's: [<see cref="Lower"/>, <see cref="Upper"/>] at <see cref="ConfidencePercent"/>, and its median.</summary>
public readonly record struct Band(TradeFigure Figure, int Trades, double ConfidencePercent, double Lower, double Upper, double Expected);

/// <summary>
/// The backtest's bootstrap interval of a figure over the same number of trades as the live record: draw that
/// many trades from the backtest's (with replacement) many times and take the figure's percentiles. Seeded by
/// the number of trades, so the same record always meets the same band (deterministic, no clock).
/// </summary>
public static class BootstrapBand
{
    public const int Resamples = 2000;

    public static Band For(IReadOnlyList<double> backtestReturnsPct, int trades, TradeFigure figure, double confidencePercent)
    {
        ArgumentNullException.ThrowIfNull(backtestReturnsPct);
        if (backtestReturnsPct.Count == 0) throw new ArgumentException("A band needs backtest trades.", nameof(backtestReturnsPct));
        ArgumentOutOfRangeException.ThrowIfLessThan(trades, 1);
        if (confidencePercent is <= 0 or >= 100) throw new ArgumentOutOfRangeException(nameof(confidencePercent));
        var random = new Random(trades * 7919 + (int)figure);
        var values = new double[Resamples];
        var sample = new double[trades];
        for (var i = 0; i < Resamples; i++)
        {
            for (var k = 0; k < trades; k++) sample[k] = backtestReturnsPct[random.Next(backtestReturnsPct.Count)];
            values[i] = TradeFigures.Of(figure, sample);
        }
        Array.Sort(values);
        var tail = (1 - confidencePercent / 100) / 2;
        var lower = values[(int)Math.Floor(tail * (Resamples - 1))];
        var upper = values[(int)Math.Ceiling((1 - tail) * (Resamples - 1))];
        return new Band(figure, trades, confidencePercent, lower, upper, Expected: values[(Resamples - 1) / 2]);
    }
}
