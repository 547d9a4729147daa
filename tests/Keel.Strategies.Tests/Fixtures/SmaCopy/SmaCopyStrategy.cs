// A user strategy written from the SDK alone to behave exactly like Keel's built-in sma-crossover:
// the fixture of "a user's strategy gives byte-identical results to the built-in one". It is registered
// as "sma-crossover" and loaded into a registry without the built-ins (the test does that).
using Keel.Core.Domain;
using Keel.Core.Indicators;
using Keel.Core.Strategies;

namespace Fixtures;

public sealed class SmaCopyStrategy : IStrategy
{
    public static StrategyDefinition Definition { get; } = new(
        "sma-crossover",
        "A copy of the built-in sma-crossover, written as a user would.",
        [
            new StrategyParameter("fast", 10, 1, 10_000, true, "fast SMA period (bars)"),
            new StrategyParameter("slow", 30, 2, 10_000, true, "slow SMA period (bars)"),
        ],
        (p, name, indicators) => new SmaCopyStrategy(p.GetInt("fast"), p.GetInt("slow"), name, indicators),
        p => p.Get("fast") < p.Get("slow") ? null : $"fast ({p.Get("fast")}) must be below slow ({p.Get("slow")})");

    private readonly int _fastPeriod;
    private readonly int _slowPeriod;
    private readonly IndicatorFeed _fast;
    private readonly IndicatorFeed _slow;
    private int _lastSign;

    public SmaCopyStrategy(int fast, int slow, string name, IndicatorCache? indicators)
    {
        _fastPeriod = fast;
        _slowPeriod = slow;
        _fast = IndicatorFeed.Of(new Sma(fast), indicators);
        _slow = IndicatorFeed.Of(new Sma(slow), indicators);
        Name = name;
    }

    public string Name { get; }
    public int WarmUpBars => _slow.WarmUpPeriod + 1;

    public Signal OnBar(in Bar bar, StrategyContext context)
    {
        var fast = _fast.Next(bar);
        var slow = _slow.Next(bar);
        if (double.IsNaN(slow)) return Signal.Hold;
        var sign = Math.Sign(fast - slow);
        if (sign == 0) return Signal.Hold;
        var previous = _lastSign;
        _lastSign = sign;
        if (previous == 0 || previous == sign) return Signal.Hold;
        var confidence = Math.Clamp(0.5 + 50 * Math.Abs(fast - slow) / slow, 0, 1);
        var reason = context.Reason($"SMA({_fastPeriod})={Math.Round(fast, 4)} crossed {(sign > 0 ? "above" : "below")} SMA({_slowPeriod})={Math.Round(slow, 4)}");
        return sign > 0 ? Signal.Buy(confidence, reason) : Signal.Sell(confidence, reason);
    }

    public void Reset()
    {
        _fast.Reset();
        _slow.Reset();
        _lastSign = 0;
    }
}
