namespace Keel.Core.Persistence;

/// <summary>Every equity snapshot a session recorded, oldest first (the paper curve a drift report overlays).</summary>
public interface IEquityHistory
{
    IReadOnlyList<EquitySnapshot> EquityHistory();
}
