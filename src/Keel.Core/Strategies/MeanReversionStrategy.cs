using System.Globalization;
using Keel.Core.Domain;
using Keel.Core.Indicators;

namespace Keel.Core.Strategies;

/// <summary>
/// Bollinger/z-score mean reversion: buy while flat when the close is more than <c>entry</c> standard
/// deviations below its SMA (below the lower Bollinger band of width <c>entry</c>); sell while long once
/// the z-score rises above <c>exit</c> (0 = back at the middle band).
/// </summary>
public sealed class MeanReversionStrategy : IStrategy, IFastForward
{
    public static StrategyDefinition Definition { get; } = new(
        "mean-reversion",
        "Buy while flat when z-score < -entry (close under the lower Bollinger band); sell while long when z-score > exit.",
        [
            new StrategyParameter("period", 20, 2, 10_000, true, "SMA / standard deviation window (bars)"),
            new StrategyParameter("entry", 2, 0.1, 10, false, "entry distance below the mean, in standard deviations"),
            new StrategyParameter("exit", 0, -10, 10, false, "exit when the z-score rises above this"),
        ],
        (p, name, indicators) => new MeanReversionStrategy(p.GetInt("period"), p.Get("entry"), p.Get("exit"), name, indicators),
        p => p.Get("exit") > -p.Get("entry") ? null : $"exit ({p.Get("exit")}) must be above -entry ({-p.Get("entry")})");

    private readonly int _period;
    private readonly IndicatorFeed _zScore;
    private readonly double _entry;
    private readonly double _exit;

    public MeanReversionStrategy(int period, double entry, double exit, string? name = null, IndicatorCache? indicators = null)
    {
        _period = period;
        _zScore = IndicatorFeed.Of(new ZScore(period), indicators);
        _entry = entry;
        _exit = exit;
        Name = name ?? string.Create(CultureInfo.InvariantCulture, $"mean-reversion:period={period},entry={entry},exit={exit}");
    }

    public string Name { get; }
    public int WarmUpBars => _zScore.WarmUpPeriod;

    public Signal OnBar(in Bar bar, StrategyContext context)
    {
        var z = _zScore.Next(bar);
        if (double.IsNaN(z)) return Signal.Hold; // warming up
        if (context.IsFlat && z < -_entry)
            return Signal.Buy(Math.Clamp(0.5 + 0.25 * (-z - _entry), 0, 1), context.ReasonsUnread ? "z-score under -entry"
                : string.Create(CultureInfo.InvariantCulture, $"z-score({_period})={Math.Round(z, 3)} < -{_entry} (close {bar.Close} under the lower band)"));
        if (context.IsLong && z > _exit)
            return Signal.Sell(Math.Clamp(0.5 + 0.25 * (z - _exit), 0, 1), context.ReasonsUnread ? "z-score over exit"
                : string.Create(CultureInfo.InvariantCulture, $"z-score({_period})={Math.Round(z, 3)} > exit {_exit}"));
        return Signal.Hold;
    }

    /// <summary>With a cached z-score: flat, the bars before it drops under −entry; long, before it rises over exit.</summary>
    int IFastForward.HoldsAhead(StrategyContext context, int max)
    {
        if (!_zScore.IsCached) return 0;
        var z = _zScore.Ahead();
        var bars = Math.Min(max, z.Length);
        for (var k = 0; k < bars; k++)
        {
            // NaN (warming up) compares false: a hold, as in OnBar.
            if (context.IsFlat ? z[k] < -_entry : context.IsLong && z[k] > _exit) return k;
        }
        return bars;
    }

    void IFastForward.Skip(int bars) => _zScore.Skip(bars); // the z-score is all the state there is

    public void Reset() => _zScore.Reset();
}
