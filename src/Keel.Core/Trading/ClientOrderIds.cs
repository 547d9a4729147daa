using System.Globalization;
using Keel.Core.Domain;

namespace Keel.Core.Trading;

/// <summary>
/// Deterministic client order ids: the same decision (strategy, symbol, bar time, purpose) always gets
/// the same id, so after a crash a decision that is re-made is recognised at the broker instead of
/// being sent twice. Alpaca allows 48 characters; these stay under 40.
/// </summary>
public static class ClientOrderIds
{
    public static string For(string strategy, Symbol symbol, DateTime barTime, OrderPurpose purpose) =>
        string.Create(CultureInfo.InvariantCulture,
            $"k{StableHash(strategy):x8}-{symbol.Ticker.Replace("/", "", StringComparison.Ordinal)}-{barTime:yyMMddHHmmss}-{PurposeCode(purpose)}");

    private static char PurposeCode(OrderPurpose purpose) => purpose switch
    {
        OrderPurpose.Entry => 'E',
        OrderPurpose.Exit => 'X',
        OrderPurpose.StopLoss => 'S',
        OrderPurpose.TakeProfit => 'T',
        OrderPurpose.TrailingStop => 'R',
        _ => 'Z',
    };

    /// <summary>FNV-1a: stable across processes and .NET versions, unlike string.GetHashCode.</summary>
    private static uint StableHash(string text)
    {
        var hash = 2166136261u;
        foreach (var c in text)
        {
            hash ^= c;
            hash *= 16777619u;
        }
        return hash;
    }
}
