using System.Globalization;
using Keel.Core.Domain;
using Keel.Core.Calendars;
using Keel.Core.Risk;
using Keel.Core.Trading;

namespace Keel.Core.Gates;

/// <summary>
/// Whether paper honoured its stop losses and take profits: for each paper trade, the first bar after its entry
/// whose range went past the stop or take-profit level (from the entry price, as the kernel sets them) must be
/// followed by the exit within <see cref="GraceBars"/> bars on which an order could be sent (the order gate: an
/// equity's level reached before the open is taken at the open). A level touched by less than
/// <see cref="TouchTolerance"/> does not count, so rounding of the level is never a breach.
/// </summary>
public static class StopLevelCheck
{
    /// <summary>Paper acts on a completed bar and fills at the next: the exit may come up to two bars after the touch.</summary>
    public const int GraceBars = 2;

    public const double TouchTolerance = 0.0001; // 0.01% of the level

    /// <returns>How many trades reached a level, and one line per trade that stayed open past it.</returns>
    public static (int Reached, IReadOnlyList<string> Breaches) Check(IEnumerable<Trade> trades, IReadOnlyList<BarSeries> bars, RiskConfig risk, IOrderGate? gate = null)
    {
        var reached = 0;
        var breaches = new List<string>();
        if (risk.StopLossPercent is null && risk.TakeProfitPercent is null) return (0, breaches);
        var bySymbol = bars.ToDictionary(b => b.Symbol.Ticker);
        foreach (var trade in trades)
        {
            if (!bySymbol.TryGetValue(trade.Symbol.Ticker, out var series) || trade.Quantity == 0) continue;
            var touch = FirstTouch(trade, series, risk);
            if (touch is not { } t) continue;
            reached++;
            if (trade.ExitTime > Deadline(series, t.Index, gate))
            {
                breaches.Add(string.Create(CultureInfo.InvariantCulture,
                    $"{trade.Strategy} {trade.Symbol} entered {trade.EntryTime:yyyy-MM-dd HH:mm} at {trade.EntryPrice}: its {t.Kind} level {t.Level:0.####} was reached by the bar of {series[t.Index].Timestamp:yyyy-MM-dd HH:mm} but it exited only at {trade.ExitTime:yyyy-MM-dd HH:mm}"));
            }
        }
        return (reached, breaches);
    }

    /// <summary>The end of the <see cref="GraceBars"/>-th bar after <paramref name="touch"/> on which an order could be sent.</summary>
    private static DateTime Deadline(BarSeries series, int touch, IOrderGate? gate)
    {
        var tradable = 0;
        for (var j = touch + 1; j < series.Count; j++)
        {
            if (gate?.Refusal(series.Symbol, series[j].Timestamp) is null && ++tradable == GraceBars) return series[j].Timestamp + series.Timeframe.Duration;
        }
        return DateTime.MaxValue; // the data ends first: nothing to hold against the trade
    }

    private static (int Index, string Kind, double Level)? FirstTouch(Trade trade, BarSeries series, RiskConfig risk)
    {
        var entry = (double)trade.EntryPrice;
        var longSide = trade.Quantity > 0;
        double? stop = risk.StopLossPercent is { } s ? entry * (1 + (longSide ? -1 : 1) * (double)s / 100) : null;
        double? take = risk.TakeProfitPercent is { } p ? entry * (1 + (longSide ? 1 : -1) * (double)p / 100) : null;
        for (var i = series.IndexAtOrAfter(trade.EntryTime); i < series.Count && series[i].Timestamp < trade.ExitTime; i++)
        {
            ref readonly var bar = ref series[i];
            if (stop is { } sl && (longSide ? bar.Low < sl * (1 - TouchTolerance) : bar.High > sl * (1 + TouchTolerance))) return (i, "stop-loss", sl);
            if (take is { } tp && (longSide ? bar.High > tp * (1 + TouchTolerance) : bar.Low < tp * (1 - TouchTolerance))) return (i, "take-profit", tp);
        }
        return null;
    }
}
