using Keel.Core.Indicators;

namespace Keel.Core.Strategies;

/// <summary>
/// A strategy with validated parameters: what a CLI option or a config entry names. Creates fresh,
/// independent instances (one per symbol). <see cref="ToString"/> is the canonical text form.
/// </summary>
public sealed class StrategySpec : IStrategySpec
{
    public StrategyDefinition Definition { get; }
    public StrategyParameters Parameters { get; }

    internal StrategySpec(StrategyDefinition definition, StrategyParameters parameters)
    {
        Definition = definition;
        Parameters = parameters;
    }

    public string Text => ToString();

    public string ShortName => Definition.Name;

    public IStrategy Create() => Definition.Create(Parameters, ToString(), null);

    /// <summary>An instance that reads its indicators from <paramref name="indicators"/> (shared over its series) instead of updating its own.</summary>
    public IStrategy Create(IndicatorCache? indicators) => Definition.Create(Parameters, ToString(), indicators);

    public override string ToString() => Definition.Parameters.Count == 0
        ? Definition.Name
        : Definition.Name + ":" + string.Join(",", Definition.Parameters.Select(p => $"{p.Name}={StrategyParameter.Format(Parameters.Get(p.Name))}"));
}
