using System.Globalization;
using Keel.Core.Domain;

namespace Keel.Core.Strategies;

/// <summary>
/// A strategy threw inside <see cref="IStrategy.OnBar"/>. The run stops (a backtest cannot go on with a
/// strategy in an unknown state); the message names the strategy, the bar and what it threw.
/// </summary>
public sealed class StrategyFailedException(string strategy, Symbol symbol, DateTime barTime, Exception inner)
    : Exception(string.Create(CultureInfo.InvariantCulture,
        $"strategy '{strategy}' failed on the {symbol} bar of {barTime:yyyy-MM-dd HH:mm:ss}Z: {inner.Message}"), inner)
{
    public string Strategy { get; } = strategy;
    public Symbol Symbol { get; } = symbol;
    public DateTime BarTime { get; } = barTime;
}
