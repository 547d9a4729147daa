using Keel.Core.Domain;
using Keel.Core.Persistence;

namespace Keel.Live.Alerts;

/// <summary>
/// A bot alive but processing no bars is the silent failure that costs most. While the market is open
/// (stocks: the broker's regular session; crypto: always), the next bar is due one bar length after the
/// last one ended; when it is later than that by more than <c>staleMinutes</c>, the symbol's data is stale.
/// Cleared by the next bar. Daily stock bars are left to the watchdog (their end is not in the session).
/// </summary>
internal sealed class StaleDataRule(AlertCenter alerts, Timeframe timeframe, TimeSpan allowance)
{
    /// <param name="sessionOpen">The regular session's open when the market is open at <paramref name="now"/>, else null (stocks).</param>
    public void Evaluate(DateTime now, Symbol symbol, DateTime lastBar, DateTime? sessionOpen)
    {
        var length = timeframe.Duration;
        var condition = $"stale:{symbol.Ticker}";
        if (!symbol.IsCrypto && (length >= TimeSpan.FromDays(1) || sessionOpen is null)) return;
        var lastEnd = lastBar + length;
        var since = sessionOpen is { } open && open > lastEnd ? open : lastEnd;
        var late = now - since - length;
        if (late > allowance)
            alerts.Raise(AlertKinds.StaleData, AlertSeverity.Warning,
                $"no new {timeframe} bar for {symbol} since {lastEnd:yyyy-MM-dd HH:mm} UTC: the next was due {late.TotalMinutes:0} min ago (allowed {allowance.TotalMinutes:0})",
                symbol: symbol, condition: condition);
        else if (lastEnd >= now - length - allowance) alerts.Resolve(condition, $"{symbol} bars arrive again (latest ended {lastEnd:yyyy-MM-dd HH:mm} UTC)");
    }
}
