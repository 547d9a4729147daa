using Keel.Alpaca.Models;

namespace Keel.AlpacaSim.Data;

/// <summary>
/// The sim's NBBO: a scripted quote when one was set (admin endpoint or test handle), otherwise the last
/// completed bar's close ± half the spread. Equity prices are kept on whole cents.
/// </summary>
public sealed class QuoteBook(BarStore bars, TimeProvider clock, decimal halfSpread)
{
    private readonly Lock _lock = new();
    private readonly Dictionary<string, AlpacaQuote> _scripted = new(StringComparer.Ordinal);

    public void Set(string symbol, decimal bid, decimal ask, decimal bidSize = 100, decimal askSize = 100)
    {
        if (bid <= 0 || ask <= 0 || ask < bid)
            throw new ArgumentException($"A quote needs 0 < bid <= ask; got bid {bid}, ask {ask}.");
        var quote = new AlpacaQuote
        {
            Timestamp = clock.GetUtcNow(), BidPrice = bid, AskPrice = ask, BidSize = bidSize, AskSize = askSize,
        };
        lock (_lock) _scripted[symbol.ToUpperInvariant()] = quote;
    }

    public void Clear(string symbol)
    {
        lock (_lock) _scripted.Remove(symbol.ToUpperInvariant());
    }

    public IReadOnlyList<string> ScriptedSymbols
    {
        get { lock (_lock) return _scripted.Keys.ToList(); }
    }

    /// <summary>Whether <paramref name="symbol"/>'s quote is scripted (then it, not the bars, is the market).</summary>
    public bool IsScripted(string symbol)
    {
        lock (_lock) return _scripted.ContainsKey(symbol.ToUpperInvariant());
    }

    public AlpacaQuote? Latest(string symbol)
    {
        symbol = symbol.ToUpperInvariant();
        lock (_lock)
        {
            if (_scripted.TryGetValue(symbol, out var scripted)) return scripted;
        }
        var now = clock.GetUtcNow();
        if (bars.LastCompleted(symbol, now) is not { } bar) return null;
        var crypto = SimSymbols.IsCrypto(symbol);
        var decimals = crypto ? 4 : bar.Close >= 1 ? 2 : 4;
        var bid = Math.Round(bar.Close * (1 - halfSpread), decimals, MidpointRounding.ToZero);
        var ask = Math.Round(bar.Close * (1 + halfSpread), decimals, MidpointRounding.AwayFromZero);
        if (ask <= bid && halfSpread > 0) ask = bid + (decimals == 2 ? 0.01m : 0.0001m); // a spread asked for is at least a tick
        return new AlpacaQuote { Timestamp = now, BidPrice = bid, AskPrice = ask, BidSize = 100, AskSize = 100 };
    }
}
