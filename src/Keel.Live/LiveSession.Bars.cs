using Keel.Core.Calendars;
using Keel.Core.Domain;
using Keel.Core.Persistence;
using Keel.Core.Trading;
using Microsoft.Extensions.Logging;

namespace Keel.Live;

// Which bars the session sees: history for warm-up, then each bar once it has completed.
public sealed partial class LiveSession
{
    private sealed record SymbolBars(Symbol Symbol, IReadOnlyList<Bar> Bars);

    /// <summary>
    /// Strategies see history before they trade. After a restart that is exactly the bars the session had
    /// processed (from its first bar to its cursor), so indicators and signals are where they were; on a
    /// first start it is the last <c>warmUpBars</c> completed bars. Nothing is decided on these bars.
    /// </summary>
    private async Task WarmUpAsync(DateTime now, CancellationToken ct)
    {
        var kernel = Kernel;
        var fills = _store.Fills();
        var unserved = new List<string>();
        foreach (var symbol in _settings.Symbols)
        {
            IReadOnlyList<Bar> history;
            if (_store.Cursor(symbol) is { } cursor)
            {
                history = await CompletedBarsAsync(symbol, cursor.FirstBar, cursor.LastBar, now, ct).ConfigureAwait(false);
                _cursors[symbol] = cursor;
            }
            else
            {
                var from = now - WarmUpSpan(symbol);
                var all = await CompletedBarsAsync(symbol, from, now, now, ct).ConfigureAwait(false);
                // Warm-up asked for history and none came: the data source does not serve this symbol at this
                // timeframe (e.g. 7Min on a sim with only 1Min and 1Day files). No cursor is saved for it.
                if (_settings.WarmUpBars > 0 && all.Count == 0)
                {
                    unserved.Add(FormattableString.Invariant($"{symbol.Ticker} (0 bars from {from:yyyy-MM-dd HH:mm}Z to {now:yyyy-MM-dd HH:mm}Z)"));
                    continue;
                }
                history = all.Count > _settings.WarmUpBars ? all.Skip(all.Count - _settings.WarmUpBars).ToList() : all;
                // Saved at once, so a crash before the first live bar is done still knows where the session began.
                var last = history.Count > 0 ? history[^1].Timestamp : now - _settings.Timeframe.Duration;
                _cursors[symbol] = new BarCursor(symbol, _settings.Timeframe.ToString(), history.Count > 0 ? history[0].Timestamp : last, last);
                _store.SaveCursor(_cursors[symbol]);
            }
            var held = PositionHistory.From(fills.Select(f => f.Fill).Where(f => f.Symbol == symbol));
            // What each strategy held at each bar, from its own recorded fills (for strategies that act "while flat").
            foreach (var bar in history) kernel.WarmUp(symbol, bar, slot => held.At(slot.Strategy.Name, bar.Timestamp));
            LogWarmUp(_logger, symbol.Ticker, history.Count, _cursors.TryGetValue(symbol, out var c) ? c.LastBar : null);
        }
        if (unserved.Count > 0)
            throw new LiveStartRefusedException(
                $"the data source returned no {_settings.Timeframe} bars for {string.Join(", ", unserved)}; " +
                "check the config's timeframe and symbols against what the data source serves (keel sim serves only the timeframes it has files for)");
    }

    /// <summary>Bars of every symbol that completed after its cursor, oldest first.</summary>
    private async Task<IReadOnlyList<SymbolBars>> NewBarsAsync(DateTime now, CancellationToken ct)
    {
        var result = new List<SymbolBars>();
        foreach (var symbol in _settings.Symbols)
        {
            var cursor = _cursors[symbol];
            var bars = await CompletedBarsAsync(symbol, cursor.LastBar + _settings.Timeframe.Duration, now, now, ct).ConfigureAwait(false);
            bars = bars.Where(b => b.Timestamp > cursor.LastBar).ToList();
            if (bars.Count > 0) result.Add(new SymbolBars(symbol, bars));
        }
        return result;
    }

    /// <summary>
    /// Bars opened in [from, to] that have ended by <paramref name="now"/>, extended-hours bars included:
    /// the rule of a backtest, where they feed the strategies and the order gate (<see cref="RegularHoursGate"/>)
    /// keeps stock orders to the regular session. The broker's calendar is loaded for the gate.
    /// </summary>
    private async Task<IReadOnlyList<Bar>> CompletedBarsAsync(Symbol symbol, DateTime from, DateTime to, DateTime now, CancellationToken ct)
    {
        var length = _settings.Timeframe.Duration;
        var latestStart = now - length < to ? now - length : to;
        if (latestStart < from) return [];
        var series = await _marketData.GetBarsAsync(symbol, _settings.Timeframe, from, latestStart, ct).ConfigureAwait(false);
        var bars = new List<Bar>(series.Count);
        var intradayEquity = !symbol.IsCrypto && length < TimeSpan.FromDays(1);
        if (intradayEquity && series.Count > 0)
        {
            var first = NyseCalendar.DateOf(series[0].Timestamp);
            var last = NyseCalendar.DateOf(series[^1].Timestamp);
            await _calendar.EnsureAsync(first, last, ct).ConfigureAwait(false);
        }
        for (var i = 0; i < series.Count; i++)
        {
            var bar = series[i];
            if (bar.Timestamp + length > now) continue;
            bars.Add(bar);
        }
        return bars;
    }

    /// <summary>How far back to ask for warm-up bars: enough calendar time to hold the bars wanted, nights and weekends included.</summary>
    private TimeSpan WarmUpSpan(Symbol symbol)
    {
        var bars = Math.Max(_settings.WarmUpBars, 1) * _settings.Timeframe.Duration;
        if (symbol.IsCrypto) return bars + TimeSpan.FromDays(1);
        var perCalendarDay = _settings.Timeframe.Duration >= TimeSpan.FromDays(1) ? 1.5 : 24 / 6.5 * 1.5;
        return bars * perCalendarDay + TimeSpan.FromDays(5);
    }

    /// <summary>The latest quote of each symbol that has a new bar; a symbol without one is decided without (sized at the close anyway).</summary>
    private async Task<Dictionary<Symbol, Quote>> LatestQuotesAsync(IReadOnlyList<SymbolBars> newBars, CancellationToken ct)
    {
        var quotes = new Dictionary<Symbol, Quote>();
        foreach (var s in newBars)
        {
            try
            {
                quotes[s.Symbol] = await _marketData.GetLatestQuoteAsync(s.Symbol, ct).ConfigureAwait(false);
            }
            catch (Exception ex) when (ex is BrokerException or InvalidOperationException)
            {
                LogNoQuote(_logger, s.Symbol.Ticker, ex.Message);
            }
        }
        return quotes;
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "warm-up {Symbol}: {Bars} bars, cursor {Cursor:O}")]
    private static partial void LogWarmUp(ILogger logger, string symbol, int bars, DateTime? cursor);

    [LoggerMessage(Level = LogLevel.Warning, Message = "no quote for {Symbol}: {Message}")]
    private static partial void LogNoQuote(ILogger logger, string symbol, string message);
}
