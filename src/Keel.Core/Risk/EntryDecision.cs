namespace Keel.Core.Risk;

/// <summary>
/// The risk manager's answer to a proposed entry: a quantity (possibly cut) or a refusal. The sentences
/// go to the journal; <see cref="RefusalCode"/> and <see cref="Cuts"/> are the short reasons counted in
/// every result (<see cref="Trading.OrderReasons"/>).
/// </summary>
public readonly record struct EntryDecision(decimal Quantity, string? Adjustment, string? Refusal)
{
    public bool IsRefused => Refusal is not null;

    public string? RefusalCode { get; init; }

    /// <summary>The limits that cut the quantity, empty when none did.</summary>
    public IReadOnlyList<string> Cuts { get; init; } = [];

    public static EntryDecision Refuse(string code, string reason) => new(0, null, reason) { RefusalCode = code };
}
