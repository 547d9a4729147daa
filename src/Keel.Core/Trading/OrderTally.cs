namespace Keel.Core.Trading;

/// <summary>
/// Counts the orders that did not go as the strategy asked, by reason: refused (by risk or the broker)
/// and resized (cut by a limit). Kept whether or not the journal is, so every result can say how many
/// entries never happened: a backtest whose entries are silently refused trades a different strategy.
/// </summary>
public sealed class OrderTally
{
    private readonly SortedDictionary<string, int> _rejected = new(StringComparer.Ordinal);
    private readonly SortedDictionary<string, int> _resized = new(StringComparer.Ordinal);

    public int Rejected { get; private set; }
    public int Resized { get; private set; }
    public IReadOnlyDictionary<string, int> RejectedByReason => _rejected;
    public IReadOnlyDictionary<string, int> ResizedByReason => _resized;

    public void Reject(string reason)
    {
        Rejected++;
        _rejected[reason] = _rejected.GetValueOrDefault(reason) + 1;
    }

    /// <summary>One resized order; each limit that cut it counts under its own reason.</summary>
    public void Resize(IEnumerable<string> reasons)
    {
        Resized++;
        foreach (var reason in reasons) _resized[reason] = _resized.GetValueOrDefault(reason) + 1;
    }

    /// <summary>This tally and <paramref name="other"/>'s, added.</summary>
    public OrderTally Plus(OrderTally other)
    {
        var sum = new OrderTally { Rejected = Rejected + other.Rejected, Resized = Resized + other.Resized };
        foreach (var d in new[] { _rejected, other._rejected }) foreach (var (k, v) in d) sum._rejected[k] = sum._rejected.GetValueOrDefault(k) + v;
        foreach (var d in new[] { _resized, other._resized }) foreach (var (k, v) in d) sum._resized[k] = sum._resized.GetValueOrDefault(k) + v;
        return sum;
    }
}
