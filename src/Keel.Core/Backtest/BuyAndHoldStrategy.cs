using Keel.Core.Domain;
using Keel.Core.Strategies;

namespace Keel.Core.Backtest;

/// <summary>The benchmark's strategy: buy while flat (the first bar traded, or again if an entry was refused), never sell.</summary>
internal sealed class BuyAndHoldStrategy : IStrategy
{
    public const string StrategyName = "buy-and-hold";

    public string Name => StrategyName;
    public int WarmUpBars => 0;

    public Signal OnBar(in Bar bar, StrategyContext context) =>
        context.IsFlat ? Signal.Buy(1, "buy and hold") : Signal.Hold;

    public void Reset() { }
}
