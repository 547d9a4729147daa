using System.Globalization;
using Keel.Core.Domain;
using Keel.Core.Indicators;

namespace Keel.Core.Strategies;

/// <summary>
/// Trend following: buy when the fast SMA crosses above the slow one, sell when it crosses below.
/// Confidence grows with how far apart the averages are, relative to price.
/// </summary>
public sealed class SmaCrossoverStrategy : IStrategy, IFastForward
{
    public static StrategyDefinition Definition { get; } = new(
        "sma-crossover",
        "Buy when the fast SMA crosses above the slow SMA; sell when it crosses below.",
        [
            new StrategyParameter("fast", 10, 1, 10_000, true, "fast SMA period (bars)"),
            new StrategyParameter("slow", 30, 2, 10_000, true, "slow SMA period (bars)"),
        ],
        (p, name, indicators) => new SmaCrossoverStrategy(p.GetInt("fast"), p.GetInt("slow"), name, indicators),
        p => p.Get("fast") < p.Get("slow") ? null : $"fast ({p.Get("fast")}) must be below slow ({p.Get("slow")})");

    private readonly int _fastPeriod;
    private readonly int _slowPeriod;
    private readonly IndicatorFeed _fast;
    private readonly IndicatorFeed _slow;
    private CrossDetector _cross;

    public SmaCrossoverStrategy(int fast, int slow, string? name = null, IndicatorCache? indicators = null)
    {
        if (fast >= slow) throw new ArgumentException($"fast ({fast}) must be below slow ({slow}).");
        _fastPeriod = fast;
        _slowPeriod = slow;
        _fast = IndicatorFeed.Of(new Sma(fast), indicators);
        _slow = IndicatorFeed.Of(new Sma(slow), indicators);
        Name = name ?? $"sma-crossover:fast={fast},slow={slow}";
    }

    public string Name { get; }
    public int WarmUpBars => _slow.WarmUpPeriod + 1;

    public Signal OnBar(in Bar bar, StrategyContext context)
    {
        var fast = _fast.Next(bar);
        var slow = _slow.Next(bar);
        if (double.IsNaN(slow)) return Signal.Hold; // warming up: an SMA is NaN until ready, finite after
        var cross = _cross.Update(fast - slow);
        if (cross == 0) return Signal.Hold;
        var confidence = Math.Clamp(0.5 + 50 * Math.Abs(fast - slow) / slow, 0, 1);
        var reason = context.ReasonsUnread
            ? cross > 0 ? "fast SMA crossed above slow" : "fast SMA crossed below slow"
            : string.Create(CultureInfo.InvariantCulture,
                $"SMA({_fastPeriod})={Math.Round(fast, 4)} crossed {(cross > 0 ? "above" : "below")} SMA({_slowPeriod})={Math.Round(slow, 4)}");
        return cross > 0 ? Signal.Buy(confidence, reason) : Signal.Sell(confidence, reason);
    }

    /// <summary>With cached SMAs: the bars before the next cross (the position does not matter).</summary>
    int IFastForward.HoldsAhead(StrategyContext context, int max)
    {
        if (!_fast.IsCached || !_slow.IsCached) return 0;
        var bars = Math.Min(max, _slow.Ahead().Length);
        return _cross.PairsBeforeCross(_fast.Ahead()[..bars], _slow.Ahead()[..bars]);
    }

    void IFastForward.Skip(int bars)
    {
        _cross.Pass(_fast.Ahead()[..bars], _slow.Ahead()[..bars]);
        _fast.Skip(bars);
        _slow.Skip(bars);
    }

    public void Reset()
    {
        _fast.Reset();
        _slow.Reset();
        _cross.Reset();
    }
}
