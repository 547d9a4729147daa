namespace Keel.Core.Strategies;

/// <summary>
/// A strategy that can tell ahead of time that it will hold on the coming bars, so a backtest can
/// fast-forward through them (marking prices and recording equity) instead of calling it bar by bar.
/// Strategies reading cached indicators (<see cref="Indicators.IndicatorCache"/>) can look ahead for
/// the cost of reading arrays; this is what lets a sweep trial spend a few nanoseconds on a quiet bar.
/// Internal: it reads the future, which only Keel's own strategies may do, and only to skip bars they hold on.
/// </summary>
internal interface IFastForward
{
    /// <summary>
    /// How many of the next bars, at most <paramref name="max"/>, this strategy is sure to hold on with the
    /// position in <paramref name="context"/> (which cannot change while it holds and no order works).
    /// Changes nothing; 0 when it cannot tell. Saying fewer than the truth only costs speed; more would be wrong.
    /// </summary>
    int HoldsAhead(StrategyContext context, int max);

    /// <summary>Moves past the next <paramref name="bars"/> bars (at most what <see cref="HoldsAhead"/> said) as if it had seen each and held.</summary>
    void Skip(int bars);
}
