using Keel.Core.Gates;

namespace Keel.Core.Persistence;

/// <summary>A session start: which version of the configuration ran, in which mode, from when (broker time).</summary>
public sealed record SessionStart(DateTime Time, string Version, string Mode);

/// <summary>A capital stage change: the stage and its percent, what caused it (start, promote, demote) and who/why.</summary>
public sealed record CapitalChange(DateTime Time, int Stage, decimal Percent, string Kind, string Actor, string Reason);

/// <summary><c>keel live --override-gates</c>: who started live trading past failing gates, and why.</summary>
public sealed record GateOverride(DateTime Time, string Version, string Actor, string Reason, string FailingRules);
