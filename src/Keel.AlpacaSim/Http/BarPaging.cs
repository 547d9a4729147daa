using System.Globalization;
using System.Text;
using Keel.Alpaca.Models;

namespace Keel.AlpacaSim.Http;

/// <summary>
/// Alpaca's bar paging: items ordered by symbol then time, <c>limit</c> counted across all symbols, and an
/// opaque <c>next_page_token</c> naming the next item (base64 of "symbol|ticks"), null at the end.
/// </summary>
internal static class BarPaging
{
    public static (List<(string Symbol, AlpacaBar Bar)> Page, string? NextToken, string? Problem) Take(
        IEnumerable<(string Symbol, AlpacaBar Bar)> ordered, int limit, string? pageToken)
    {
        var items = ordered.ToList();
        var start = 0;
        if (pageToken is not null)
        {
            if (Decode(pageToken) is not { } position) return ([], null, "invalid page_token");
            start = items.FindIndex(i => i.Symbol == position.Symbol && i.Bar.Timestamp.UtcTicks == position.Ticks);
            if (start < 0) return ([], null, "invalid page_token");
        }
        var page = items.Skip(start).Take(limit).ToList();
        var next = start + limit < items.Count ? Encode(items[start + limit]) : null;
        return (page, next, null);
    }

    private static string Encode((string Symbol, AlpacaBar Bar) item) =>
        Convert.ToBase64String(Encoding.UTF8.GetBytes($"{item.Symbol}|{item.Bar.Timestamp.UtcTicks.ToString(CultureInfo.InvariantCulture)}"));

    private static (string Symbol, long Ticks)? Decode(string token)
    {
        try
        {
            var parts = Encoding.UTF8.GetString(Convert.FromBase64String(token)).Split('|');
            return parts.Length == 2 && long.TryParse(parts[1], NumberStyles.Integer, CultureInfo.InvariantCulture, out var ticks)
                ? (parts[0], ticks)
                : null;
        }
        catch (FormatException)
        {
            return null;
        }
    }
}
