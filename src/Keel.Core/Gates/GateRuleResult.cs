namespace Keel.Core.Gates;

/// <summary>
/// One rule's verdict on one subject (a strategy's text, "ensemble", "strategies" for rules over all of
/// them, or "paper" for the paper record), with the figures it rests on: <see cref="Evidence"/> is one
/// sentence a reader can check.
/// </summary>
public sealed record GateRuleResult(string Rule, string Subject, GateStatus Status, string Evidence)
{
    /// <summary>The rule and its subject, as a refusal names it.</summary>
    public override string ToString() => $"{Rule} ({Subject}): {Evidence}";
}
