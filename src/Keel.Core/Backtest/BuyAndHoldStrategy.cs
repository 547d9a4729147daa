using Keel.Core.Domain;
using Keel.Core.Strategies;

namespace Keel.Core.Backtest;

/// <summary>
/// The benchmark's strategy: buy while flat (the first bar traded, or again if an entry was refused), never sell.
/// Once in, it holds on every bar to come, so the replay fast-forwards the rest of the run.
/// </summary>
internal sealed class BuyAndHoldStrategy : IStrategy, IFastForward
{
    public const string StrategyName = "buy-and-hold";

    public string Name => StrategyName;
    public int WarmUpBars => 0;

    public Signal OnBar(in Bar bar, StrategyContext context) =>
        context.IsFlat ? Signal.Buy(1, "buy and hold") : Signal.Hold;

    int IFastForward.HoldsAhead(StrategyContext context, int max) => context.IsFlat ? 0 : max;

    void IFastForward.Skip(int bars) { }

    public void Reset() { }
}
