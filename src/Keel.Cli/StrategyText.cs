using Keel.Core.Ensembles;
using Keel.Core.Strategies;

namespace Keel.Cli;

/// <summary>
/// Reads the strategies of a <c>--strategy</c> option: registry specs (<c>rsi</c>,
/// <c>sma-crossover:fast=10,slow=30</c>) and ensembles (<c>ensemble(method=consensus,min=2)[sma-crossover|rsi|macd]</c>),
/// several separated by <c>;</c>.
/// </summary>
internal static class StrategyText
{
    public static IReadOnlyList<IStrategySpec> ParseList(string text)
    {
        var specs = new List<IStrategySpec>();
        foreach (var part in text.Split(';', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))
        {
            if (EnsembleSpec.IsEnsemble(part)) specs.Add(EnsembleSpec.Parse(part, StrategyRegistry.Default));
            else specs.AddRange(StrategyRegistry.Default.ParseList(part));
        }
        if (specs.Count == 0) throw new UsageException("Name at least one strategy, e.g. --strategy sma-crossover:fast=10,slow=30.");
        return specs;
    }
}
