using Keel.Core.Persistence;
using Keel.Core.Strategies;
using Keel.Live.Config;
using Keel.Strategies;

namespace Keel.Live;

/// <summary>
/// Before a session resumes: a user strategy whose code changed since the store last ran it (same name,
/// another source hash) would take over positions its new code never opened. Refused unless the user says
/// so (<c>--accept-strategy-change</c>); the error names each file that changed. The code each strategy now runs
/// with is recorded, so every session and trade can be matched with it.
/// </summary>
public static class StrategyCodeGate
{
    /// <returns>One line per strategy whose code changed and was accepted (for the log).</returns>
    public static IReadOnlyList<string> Check(ITradingStore store, IReadOnlyList<IStrategySpec> strategies, bool acceptChange, DateTime now)
    {
        var changes = new List<(StrategyCodeVersion Current, StoredStrategySource Before)>();
        var fresh = new List<StrategyCodeVersion>();
        foreach (var spec in strategies)
        {
            var current = StrategyCode.Of(spec);
            var before = store.LatestStrategySource(current.Strategy);
            if (before is null) fresh.Add(current);
            else if (before.Sha256 != current.Sha256) changes.Add((current, before));
        }
        var refused = changes.Where(c => c.Current.IsUserCode).ToList();
        if (refused.Count > 0 && !acceptChange)
        {
            throw new LiveConfigException("the code of " + string.Join("; ", refused.Select(Describe))
                + " changed since this store last ran it; its positions and orders would be resumed by code that did not make them."
                + " Restart with --accept-strategy-change to go on with the new code.");
        }
        foreach (var current in fresh.Concat(changes.Select(c => c.Current)))
            store.RecordStrategySource(new StoredStrategySource(current.Strategy, current.Kind, current.Path, current.Sha256, now));
        return changes.Select(Describe).ToList();
    }

    private static string Describe((StrategyCodeVersion Current, StoredStrategySource Before) c) =>
        $"'{c.Current.Strategy}' ({c.Current.Path ?? "built-in"}: sha256 {c.Before.Sha256[..12]}… → {c.Current.Sha256[..12]}…)";
}
