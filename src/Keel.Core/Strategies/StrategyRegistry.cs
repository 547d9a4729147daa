using System.Globalization;

namespace Keel.Core.Strategies;

/// <summary>
/// Names strategies so the CLI and configs can write them as text:
/// <c>sma-crossover:fast=10,slow=30</c>, <c>rsi:period=14,oversold=30,overbought=70</c>.
/// </summary>
public sealed class StrategyRegistry
{
    private readonly Dictionary<string, StrategyDefinition> _definitions = new(StringComparer.OrdinalIgnoreCase);

    /// <summary>Keel's library of built-in strategies.</summary>
    public static StrategyRegistry Default { get; } = new StrategyRegistry()
        .Register(SmaCrossoverStrategy.Definition)
        .Register(RsiMeanReversionStrategy.Definition)
        .Register(MacdTrendStrategy.Definition)
        .Register(MeanReversionStrategy.Definition)
        .Register(AlternatingTestStrategy.Definition);

    /// <summary>A new registry holding the same definitions, to which a user's strategies can be added.</summary>
    public StrategyRegistry Copy()
    {
        var copy = new StrategyRegistry();
        foreach (var d in _definitions.Values) copy.Register(d);
        return copy;
    }

    /// <summary>The definition registered as <paramref name="name"/> (any case), or null.</summary>
    public StrategyDefinition? TryFind(string name) => _definitions.GetValueOrDefault(name.Trim());

    public StrategyRegistry Register(StrategyDefinition definition)
    {
        if (!_definitions.TryAdd(definition.Name, definition))
            throw new ArgumentException($"A strategy named '{definition.Name}' is already registered.");
        return this;
    }

    public IReadOnlyList<StrategyDefinition> All => _definitions.Values.ToList();

    public StrategyDefinition Find(string name) =>
        _definitions.TryGetValue(name.Trim(), out var d)
            ? d
            : throw new FormatException($"Unknown strategy '{name.Trim()}'; known strategies: {string.Join(", ", _definitions.Keys)}.");

    /// <summary>Parses <c>name</c> or <c>name:key=value,key=value</c>; unnamed parameters take their defaults.</summary>
    public StrategySpec Parse(string text)
    {
        if (string.IsNullOrWhiteSpace(text))
            throw new FormatException("A strategy must be named, e.g. sma-crossover:fast=10,slow=30.");
        var colon = text.IndexOf(':');
        var definition = Find(colon < 0 ? text : text[..colon]);
        var given = new Dictionary<string, double>(StringComparer.Ordinal);
        if (colon >= 0)
        {
            foreach (var raw in text[(colon + 1)..].Split(',', StringSplitOptions.TrimEntries))
            {
                if (raw.Length == 0) continue;
                var eq = raw.IndexOf('=');
                if (eq <= 0 || eq == raw.Length - 1)
                    throw new FormatException($"Strategy '{definition.Name}': '{raw}' is not key=value.");
                var key = raw[..eq].Trim().ToLowerInvariant();
                var valueText = raw[(eq + 1)..].Trim();
                if (!double.TryParse(valueText, NumberStyles.Float, CultureInfo.InvariantCulture, out var value))
                    throw new FormatException($"Strategy '{definition.Name}': {key}='{valueText}' is not a number.");
                if (!given.TryAdd(key, value))
                    throw new FormatException($"Strategy '{definition.Name}': {key} is given twice.");
            }
        }
        return definition.Configure(given);
    }

    /// <summary>
    /// Splits a list of specs separated by ';' or by commas that start a new strategy name
    /// (<c>rsi,sma-crossover:fast=5,slow=20</c>), so parameter commas stay with their strategy.
    /// </summary>
    public IReadOnlyList<StrategySpec> ParseList(string text)
    {
        var specs = new List<StrategySpec>();
        foreach (var part in text.Split(';', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))
        {
            var current = "";
            foreach (var token in part.Split(',', StringSplitOptions.TrimEntries))
            {
                if (token.Contains('=') && current.Length > 0) { current += "," + token; continue; }
                if (current.Length > 0) specs.Add(Parse(current));
                current = token;
            }
            if (current.Length > 0) specs.Add(Parse(current));
        }
        return specs;
    }
}
