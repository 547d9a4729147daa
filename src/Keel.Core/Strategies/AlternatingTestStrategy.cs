using System.Globalization;
using Keel.Core.Domain;

namespace Keel.Core.Strategies;

/// <summary>
/// Pipeline validation only: buys on bar <c>every</c>, sells on bar 2·<c>every</c>, and so on,
/// whatever the prices. Makes orders flow predictably through sizing, risk, broker and journal.
/// </summary>
public sealed class AlternatingTestStrategy : IStrategy
{
    public static StrategyDefinition Definition { get; } = new(
        "test",
        "Test only: alternates buy and sell every N bars, ignoring prices.",
        [new StrategyParameter("every", 5, 1, 1_000_000, true, "bars between signals")],
        (p, name, _) => new AlternatingTestStrategy(p.GetInt("every"), name))
    {
        IsPipelineValidation = true,
    };

    private readonly int _every;
    private long _count;
    private bool _nextIsBuy = true;

    public AlternatingTestStrategy(int every, string? name = null)
    {
        if (every < 1) throw new ArgumentOutOfRangeException(nameof(every), every, "every must be at least 1.");
        _every = every;
        Name = name ?? $"test:every={every}";
    }

    public string Name { get; }
    public int WarmUpBars => _every;

    public Signal OnBar(in Bar bar, StrategyContext context)
    {
        if (++_count % _every != 0) return Signal.Hold;
        var buy = _nextIsBuy;
        _nextIsBuy = !_nextIsBuy;
        var reason = string.Create(CultureInfo.InvariantCulture, $"test cadence: bar {_count} (every {_every})");
        return buy ? Signal.Buy(1, reason) : Signal.Sell(1, reason);
    }

    public void Reset()
    {
        _count = 0;
        _nextIsBuy = true;
    }
}
