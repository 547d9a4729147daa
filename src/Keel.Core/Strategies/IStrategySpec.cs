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

    /// <summary>
    /// The stable identity of this configured strategy: what keys its positions and orders in the store and
    /// seeds its client order ids. A config's explicit <c>id</c>, otherwise <see cref="Text"/> (canonical, so
    /// re-spacing or re-ordering parameters in a config never changes it).
    /// </summary>
    string Id => Text;

    IStrategy Create();
}
