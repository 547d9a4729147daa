using Keel.Core.Domain;
using Keel.Core.Strategies;

namespace Keel.Core.Tests.Backtest;

/// <summary>A strategy that buys and sells on given bar numbers (0-based), for hand-checkable backtests.</summary>
internal sealed class ScriptedStrategy(IReadOnlyCollection<int> buys, IReadOnlyCollection<int> sells, string name = "scripted") : IStrategy
{
    private int _bar = -1;

    public string Name { get; } = name;
    public int WarmUpBars => 0;

    public Signal OnBar(in Bar bar, StrategyContext context)
    {
        _bar++;
        if (buys.Contains(_bar)) return Signal.Buy(1, $"scripted buy at bar {_bar}");
        if (sells.Contains(_bar)) return Signal.Sell(1, $"scripted sell at bar {_bar}");
        return Signal.Hold;
    }

    public void Reset() => _bar = -1;
}
