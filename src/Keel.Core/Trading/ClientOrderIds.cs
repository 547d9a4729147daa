using System.Globalization;
using Keel.Core.Domain;

namespace Keel.Core.Trading;

/// <summary>
/// Deterministic client order ids: the same decision (strategy, symbol, bar time, purpose) always gets
/// the same id, so after a crash a decision that is re-made is recognised at the broker instead of
/// being sent twice. Alpaca allows 48 characters; these stay under 40 for tickers up to 8 characters.
/// Form: <c>k{fnv32(strategy):x8}-{TICKER}-{yyMMddHHmmss}-{purpose}</c>.
/// </summary>
public static class ClientOrderIds
{
    /// <summary>The part after the prefix: <c>yyMMddHHmmss-P</c>.</summary>
    private const int SuffixLength = 14;

    /// <summary>The part that depends only on the strategy and symbol; compute it once per pair.</summary>
    public static string Prefix(string strategy, Symbol symbol) =>
        string.Create(CultureInfo.InvariantCulture, $"k{StableHash(strategy):x8}-{symbol.Ticker.Replace("/", "", StringComparison.Ordinal)}-");

    public static string For(string strategy, Symbol symbol, DateTime barTime, OrderPurpose purpose) =>
        For(Prefix(strategy, symbol), barTime, purpose);

    public static string For(string prefix, DateTime barTime, OrderPurpose purpose) =>
        string.Create(prefix.Length + SuffixLength, (prefix, barTime, purpose), static (span, s) =>
        {
            s.prefix.CopyTo(span);
            var digits = span[s.prefix.Length..];
            // Written digit by digit, the date taken apart once (Year, Month and Day would each redo it): this
            // runs for every order of a backtest.
            s.barTime.Deconstruct(out var date, out var time);
            date.Deconstruct(out var year, out var month, out var day);
            Two(digits, 0, year % 100);
            Two(digits, 2, month);
            Two(digits, 4, day);
            Two(digits, 6, time.Hour);
            Two(digits, 8, time.Minute);
            Two(digits, 10, time.Second);
            digits[12] = '-';
            digits[13] = PurposeCode(s.purpose);
        });

    /// <summary>
    /// Splits an id of this form into its prefix length and its tail as one number (the <c>yyMMddHHmmss</c> digits,
    /// then the purpose letter), which orders the ids of one prefix as their text does; false for any other id.
    /// </summary>
    internal static bool TrySplit(string id, out int prefixLength, out long tail)
    {
        prefixLength = id.Length - SuffixLength;
        tail = 0;
        if (prefixLength < 1 || id[prefixLength - 1] != '-' || id[^2] != '-') return false;
        for (var i = prefixLength; i < prefixLength + 12; i++)
        {
            var digit = id[i] - '0';
            if ((uint)digit > 9) return false;
            tail = tail * 10 + digit;
        }
        tail = tail * 65_536 + id[^1];
        return true;
    }

    private static void Two(Span<char> span, int at, int value)
    {
        span[at] = (char)('0' + value / 10);
        span[at + 1] = (char)('0' + value % 10);
    }

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
