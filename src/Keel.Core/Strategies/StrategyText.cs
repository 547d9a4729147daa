using Keel.Core.Ensembles;

namespace Keel.Core.Strategies;

/// <summary>
/// Reads a list of strategies as users write them (<c>--strategy</c>, the service's config): registry
/// specs (<c>rsi</c>, <c>sma-crossover:fast=10,slow=30</c>) and ensembles
/// (<c>ensemble(method=consensus,min=2)[sma-crossover|rsi|macd]</c>), several separated by <c>;</c>.
/// </summary>
public static class StrategyText
{
    public static IReadOnlyList<IStrategySpec> ParseList(string text) => ParseList(text, StrategyRegistry.Default);

    /// <summary>Reads names from <paramref name="registry"/>: the built-ins plus a user's strategies.</summary>
    public static IReadOnlyList<IStrategySpec> ParseList(string text, StrategyRegistry registry)
    {
        var specs = new List<IStrategySpec>();
        foreach (var part in (text ?? "").Split(';', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))
        {
            if (EnsembleSpec.IsEnsemble(part)) specs.Add(EnsembleSpec.Parse(part, registry));
            else specs.AddRange(registry.ParseList(part));
        }
        if (specs.Count == 0) throw new FormatException("Name at least one strategy, e.g. sma-crossover:fast=10,slow=30.");
        return specs;
    }
}
