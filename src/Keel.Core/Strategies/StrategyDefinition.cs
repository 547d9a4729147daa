using Keel.Core.Indicators;

namespace Keel.Core.Strategies;

/// <summary>
/// A strategy as the registry knows it: its name, its parameters with defaults and ranges, a check
/// across parameters (fast &lt; slow, ...) and how to build an instance (reading its indicators from an
/// <see cref="IndicatorCache"/> when given one).
/// </summary>
public sealed class StrategyDefinition
{
    private readonly Func<StrategyParameters, string?> _crossCheck;
    private readonly Func<StrategyParameters, string, IndicatorCache?, IStrategy> _create;

    public string Name { get; }
    public string Description { get; }
    public IReadOnlyList<StrategyParameter> Parameters { get; }

    /// <summary>Where the code comes from: Keel itself unless a loader says otherwise (<see cref="From"/>).</summary>
    public StrategySource Source { get; private init; } = StrategySource.BuiltIn;

    /// <summary>
    /// For pipeline validation only (the <c>test</c> strategy): listed as such, and left out of comparisons
    /// unless named.
    /// </summary>
    public bool IsPipelineValidation { get; init; }

    public StrategyDefinition(
        string name,
        string description,
        IReadOnlyList<StrategyParameter> parameters,
        Func<StrategyParameters, string, IndicatorCache?, IStrategy> create,
        Func<StrategyParameters, string?>? crossCheck = null)
    {
        Name = name;
        Description = description;
        Parameters = parameters;
        _create = create;
        _crossCheck = crossCheck ?? (_ => null);
    }

    /// <summary>The same definition, recorded as coming from <paramref name="source"/> (a user's file or project).</summary>
    public StrategyDefinition From(StrategySource source) =>
        new(Name, Description, Parameters, _create, _crossCheck) { Source = source, IsPipelineValidation = IsPipelineValidation };

    /// <summary>Validates <paramref name="given"/> (missing ones take defaults) and returns the full set.</summary>
    public StrategySpec Configure(IReadOnlyDictionary<string, double> given)
    {
        var values = new Dictionary<string, double>(StringComparer.Ordinal);
        foreach (var (key, _) in given)
        {
            if (!Parameters.Any(p => p.Name == key))
                throw new FormatException($"Strategy '{Name}' has no parameter '{key}'; its parameters are: {ParameterList()}.");
        }
        foreach (var p in Parameters)
        {
            var value = given.TryGetValue(p.Name, out var v) ? v : p.Default;
            var error = p.Check(value);
            if (error is not null) throw new FormatException($"Strategy '{Name}': {error}.");
            values[p.Name] = value;
        }
        var parameters = new StrategyParameters(values);
        var crossError = _crossCheck(parameters);
        if (crossError is not null) throw new FormatException($"Strategy '{Name}': {crossError}.");
        return new StrategySpec(this, parameters);
    }

    internal IStrategy Create(StrategyParameters parameters, string displayName, IndicatorCache? indicators) => _create(parameters, displayName, indicators);

    /// <summary>
    /// For values already checked one by one (every parameter present): the spec, or null with the
    /// cross-check's reason. Lets a parameter sweep skip invalid combinations without exceptions.
    /// </summary>
    internal StrategySpec? TryConfigureChecked(IReadOnlyDictionary<string, double> complete, out string? error)
    {
        var parameters = new StrategyParameters(complete);
        error = _crossCheck(parameters);
        return error is null ? new StrategySpec(this, parameters) : null;
    }

    public string ParameterList() => Parameters.Count == 0 ? "(none)" : string.Join(", ", Parameters.Select(p => p.Name));
}
