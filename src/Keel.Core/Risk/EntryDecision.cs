namespace Keel.Core.Risk;

/// <summary>The risk manager's answer to a proposed entry: a quantity (possibly cut) or a refusal.</summary>
public readonly record struct EntryDecision(decimal Quantity, string? Adjustment, string? Refusal)
{
    public bool IsRefused => Refusal is not null;

    public static EntryDecision Refuse(string reason) => new(0, null, reason);
}
