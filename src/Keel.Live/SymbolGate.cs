using Keel.Core.Calendars;
using Keel.Core.Domain;

namespace Keel.Live;

/// <summary>
/// The service's order gate: the market's hours first, then symbols held back because the store and
/// the broker disagree about their position (nothing trades there until the two match again).
/// </summary>
internal sealed class SymbolGate(IOrderGate hours) : IOrderGate
{
    private readonly Dictionary<Symbol, string> _blocked = [];

    public IReadOnlyDictionary<Symbol, string> Blocked => _blocked;

    public void Block(Symbol symbol, string reason) => _blocked[symbol] = reason;

    public bool Unblock(Symbol symbol) => _blocked.Remove(symbol);

    public string? Refusal(Symbol symbol, DateTime barTime) =>
        _blocked.TryGetValue(symbol, out var why) ? "trading held for reconciliation: " + why : hours.Refusal(symbol, barTime);
}
