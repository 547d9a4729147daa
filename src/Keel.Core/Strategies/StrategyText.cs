using Keel.Core.Ensembles;

namespace Keel.Core.Strategies;

/// <summary>
/// Reads a list of strategies as users write them (<c>--strategy</c>, the service's config): registry
/// specs (<c>rsi</c>, <c>sma-crossover:fast=10,slow=30</c>) and ensembles
/// (<c>ensemble(method=consensus,min=2)[sma-crossover|rsi|macd]</c>), several separated by <c>;</c>.
/// </summary>
public static class StrategyText
{
    public static IReadOnlyList<IStrategySpec> ParseList(string text)
    {
        var specs = new List<IStrategySpec>();
        foreach (var part in (text ?? "").Split(';', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))
        {
            if (EnsembleSpec.IsEnsemble(part)) specs.Add(EnsembleSpec.Parse(part, StrategyRegistry.Default));
            else specs.AddRange(StrategyRegistry.Default.ParseList(part));
        }
        if (specs.Count == 0) throw new FormatException("Name at least one strategy, e.g. sma-crossover:fast=10,slow=30.");
        return specs;
    }
}
