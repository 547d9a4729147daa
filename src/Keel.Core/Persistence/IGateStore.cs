using Keel.Core.Gates;

namespace Keel.Core.Persistence;

/// <summary>
/// What the path from paper to real money leaves in the store: gate results per version, overrides,
/// capital stage changes and which version each session ran. The trading stores implement it.
/// </summary>
public interface IGateStore
{
    void RecordGateResult(GateResult result);

    /// <summary>The newest gate result stored for <paramref name="version"/>, or null.</summary>
    GateResult? LatestGateResult(string version);

    void RecordGateOverride(GateOverride entry);

    IReadOnlyList<GateOverride> GateOverrides();

    void RecordCapitalChange(CapitalChange change);

    /// <summary>Every change, oldest first; the last is the stage in force.</summary>
    IReadOnlyList<CapitalChange> CapitalChanges();

    void RecordSessionStart(SessionStart start);

    /// <summary>Every session start, oldest first.</summary>
    IReadOnlyList<SessionStart> SessionStarts();
}
