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
    private readonly string? _id;

    internal StrategySpec(StrategyDefinition definition, StrategyParameters parameters, string? id = null)
    {
        Definition = definition;
        Parameters = parameters;
        _id = id;
    }

    public string Text => ToString();

    public string Id => _id ?? Text;

    /// <summary>The same strategy under an explicit stable id (a config's <c>id</c>); its instances are named by it.</summary>
    public StrategySpec WithId(string id) => new(Definition, Parameters, id);

    public string ShortName => Definition.Name;

    public IStrategy Create() => Definition.Create(Parameters, Id, null);

    /// <summary>An instance that reads its indicators from <paramref name="indicators"/> (shared over its series) instead of updating its own.</summary>
    public IStrategy Create(IndicatorCache? indicators) => Definition.Create(Parameters, Id, indicators);

    public override string ToString() => Definition.Parameters.Count == 0
        ? Definition.Name
        : Definition.Name + ":" + string.Join(",", Definition.Parameters.Select(p => $"{p.Name}={StrategyParameter.Format(Parameters.Get(p.Name))}"));
}
