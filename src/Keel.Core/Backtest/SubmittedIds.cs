namespace Keel.Core.Backtest;

/// <summary>
/// The client order ids the simulated broker has been given, so that it ignores any it is given again.
/// Exact for any ids, and cheap for the ids a backtest makes: one strategy's ids end in the deciding
/// bar's time and so grow, and an id above every earlier one is new without a lookup; it is appended to
/// a list that stays sorted. Ids that do not grow (several strategies interleaved, a wrapped century)
/// go to a hash set. A sweep trial adds two ids per round trip; a hash set of them all was a quarter of
/// a busy trial's time.
/// </summary>
internal sealed class SubmittedIds
{
    private readonly List<string> _ascending = []; // each above all before it
    private readonly HashSet<string> _others = new(StringComparer.Ordinal); // each below the last ascending id when added

    /// <summary>Remembers <paramref name="id"/>; false when it was given before.</summary>
    public bool Add(string id)
    {
        if (_ascending.Count == 0 || string.CompareOrdinal(id, _ascending[^1]) > 0)
        {
            _ascending.Add(id); // above every earlier id, in either collection
            return true;
        }
        return _ascending.BinarySearch(id, StringComparer.Ordinal) < 0 && _others.Add(id);
    }
}
