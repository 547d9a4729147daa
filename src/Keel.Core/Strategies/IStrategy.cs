using Keel.Core.Domain;

namespace Keel.Core.Strategies;

/// <summary>
/// A trading rule for one symbol. The kernel makes one instance per (strategy, symbol), feeds it
/// every bar in time order and turns its signals into orders through sizing and risk checks, the same
/// way in a backtest and live. A strategy never sees cash, never sizes, never places orders.
/// </summary>
public interface IStrategy
{
    /// <summary>The registry name with its parameters, e.g. <c>sma-crossover:fast=10,slow=30</c>.</summary>
    string Name { get; }

    /// <summary>Bars needed before the first non-hold signal is possible.</summary>
    int WarmUpBars { get; }

    Signal OnBar(in Bar bar, StrategyContext context);

    /// <summary>Forgets everything seen, as if newly created.</summary>
    void Reset();
}
