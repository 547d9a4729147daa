namespace Keel.Core.Gates;

/// <summary>One rule's verdict with the figures it rests on (<see cref="Evidence"/>, one sentence a reader can check).</summary>
public sealed record GateRuleResult(string Rule, GateStatus Status, string Evidence);
