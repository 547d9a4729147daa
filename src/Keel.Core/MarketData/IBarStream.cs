using Keel.Core.Domain;

namespace Keel.Core.MarketData;

/// <summary>
/// One symbol's bars, read forward once in time order without holding them all: what a portfolio backtest
/// merges, so that its memory grows with the number of symbols rather than with the number of bars.
/// </summary>
public interface IBarStream
{
    Symbol Symbol { get; }
    Timeframe Timeframe { get; }

    /// <summary>Moves to the next bar; false at the end. Bars come in strictly increasing time.</summary>
    bool MoveNext();

    /// <summary>The bar <see cref="MoveNext"/> moved to.</summary>
    ref readonly Bar Current { get; }
}
