namespace Keel.Core.Strategies;

/// <summary>
/// Anything that names a configured strategy and makes fresh instances of it: a registry
/// <see cref="StrategySpec"/> or an ensemble.
/// </summary>
public interface IStrategySpec
{
    /// <summary>A short name for tables: the strategy's name without parameters.</summary>
    string ShortName { get; }

    /// <summary>The canonical text form (also its ToString), which parses back to the same spec.</summary>
    string Text { get; }

    IStrategy Create();
}
