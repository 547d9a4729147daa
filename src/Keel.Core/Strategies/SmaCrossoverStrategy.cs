using System.Globalization;
using Keel.Core.Domain;
using Keel.Core.Indicators;

namespace Keel.Core.Strategies;

/// <summary>
/// Trend following: buy when the fast SMA crosses above the slow one, sell when it crosses below.
/// Confidence grows with how far apart the averages are, relative to price.
/// </summary>
public sealed class SmaCrossoverStrategy : IStrategy
{
    public static StrategyDefinition Definition { get; } = new(
        "sma-crossover",
        "Buy when the fast SMA crosses above the slow SMA; sell when it crosses below.",
        [
            new StrategyParameter("fast", 10, 1, 10_000, true, "fast SMA period (bars)"),
            new StrategyParameter("slow", 30, 2, 10_000, true, "slow SMA period (bars)"),
        ],
        (p, name) => new SmaCrossoverStrategy(p.GetInt("fast"), p.GetInt("slow"), name),
        p => p.Get("fast") < p.Get("slow") ? null : $"fast ({p.Get("fast")}) must be below slow ({p.Get("slow")})");

    private readonly Sma _fast;
    private readonly Sma _slow;
    private CrossDetector _cross;

    public SmaCrossoverStrategy(int fast, int slow, string? name = null)
    {
        if (fast >= slow) throw new ArgumentException($"fast ({fast}) must be below slow ({slow}).");
        _fast = new Sma(fast);
        _slow = new Sma(slow);
        Name = name ?? $"sma-crossover:fast={fast},slow={slow}";
    }

    public string Name { get; }
    public int WarmUpBars => _slow.WarmUpPeriod + 1;

    public Signal OnBar(in Bar bar, StrategyContext context)
    {
        _fast.Update(bar);
        _slow.Update(bar);
        if (!_slow.IsReady) return Signal.Hold;
        var fast = _fast.Value;
        var slow = _slow.Value;
        var cross = _cross.Update(fast - slow);
        if (cross == 0) return Signal.Hold;
        var confidence = Math.Clamp(0.5 + 50 * Math.Abs(fast - slow) / slow, 0, 1);
        var reason = string.Create(CultureInfo.InvariantCulture,
            $"SMA({_fast.Period})={Math.Round(fast, 4)} crossed {(cross > 0 ? "above" : "below")} SMA({_slow.Period})={Math.Round(slow, 4)}");
        return cross > 0 ? Signal.Buy(confidence, reason) : Signal.Sell(confidence, reason);
    }

    public void Reset()
    {
        _fast.Reset();
        _slow.Reset();
        _cross.Reset();
    }
}
