using Keel.Core.Strategies;

namespace Keel.Strategies;

/// <summary>
/// Every strategy a command can name: Keel's built-ins plus those found in the user's strategy folders,
/// and the files or projects that failed to load, with their errors (listed, never hidden).
/// </summary>
public sealed class StrategyCatalog(StrategyRegistry registry, IReadOnlyList<BrokenStrategySource> broken)
{
    /// <summary>Built-ins and user strategies, by name.</summary>
    public StrategyRegistry Registry { get; } = registry;

    public IReadOnlyList<BrokenStrategySource> Broken { get; } = broken;

    /// <summary>The user's strategies (those not built into Keel).</summary>
    public IEnumerable<StrategyDefinition> UserStrategies => Registry.All.Where(d => !d.Source.IsBuiltIn);

    /// <summary>
    /// Throws <see cref="StrategyLoadException"/> listing every error when any source failed: a command
    /// must not run with part of the user's strategies silently missing.
    /// </summary>
    public StrategyCatalog ThrowIfBroken()
    {
        if (Broken.Count > 0) throw new StrategyLoadException(Broken.SelectMany(b => b.Errors).ToList());
        return this;
    }

    /// <summary>Only Keel's built-ins: what runs when no strategy folder exists.</summary>
    public static StrategyCatalog BuiltInOnly { get; } = new(StrategyRegistry.Default, []);
}

/// <summary>A strategy file or project that could not be loaded, with one line per error (<c>file:line:col: message</c>).</summary>
public sealed record BrokenStrategySource(string Path, IReadOnlyList<string> Errors);
