namespace Keel.Core.Strategies;

/// <summary>The parameter values of one configured strategy, every declared parameter present.</summary>
public sealed class StrategyParameters
{
    private readonly IReadOnlyDictionary<string, double> _values;

    internal StrategyParameters(IReadOnlyDictionary<string, double> values) => _values = values;

    public double Get(string name) =>
        _values.TryGetValue(name, out var v) ? v : throw new KeyNotFoundException($"No parameter '{name}'.");

    public int GetInt(string name) => checked((int)Get(name));

    public IEnumerable<KeyValuePair<string, double>> All => _values;
}
