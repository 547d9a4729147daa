namespace Keel.Core.Capital;

/// <summary>One step of the capital plan: <see cref="Percent"/> of equity at most, for at least <see cref="MinDays"/> before promotion (null: the last stage).</summary>
public sealed record CapitalStage(decimal Percent, int? MinDays);
