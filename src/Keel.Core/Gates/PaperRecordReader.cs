using System.Globalization;
using Keel.Core.Persistence;
using Keel.Core.Risk;
using Keel.Core.Trading;

namespace Keel.Core.Gates;

/// <summary>Reads a version's paper record from the trading store.</summary>
public static class PaperRecordReader
{
    public static PaperRecord Read(ITradingStore store, IGateStore gates, string version, RiskConfig risk, DriftSummary? drift = null)
    {
        var starts = gates.SessionStarts();
        // The trailing run of paper starts of this version: a start of anything else resets the record.
        DateTime? from = null;
        for (var i = starts.Count - 1; i >= 0; i--)
        {
            if (starts[i].Version != version || starts[i].Mode != "paper") break;
            from = starts[i].Time;
        }
        if (from is not { } since) return new PaperRecord { Version = version, Drift = drift };
        var to = store.LastHeartbeat()?.BrokerTime ?? since;

        var decisions = store.Decisions().Where(d => d.Time >= since)
            .Select(d => (d.Time, d.Strategy, d.Symbol.Ticker, HasReason: !string.IsNullOrWhiteSpace(d.Signal.Reason)))
            .ToLookup(d => (d.Time, d.Strategy, d.Ticker), d => d.HasReason);
        var orders = store.Fills().Select(f => f.Fill.ClientOrderId).Distinct()
            .Select(store.FindOrder).OfType<StoredOrder>().Where(o => o.Order.CreatedAt >= since).ToList();
        var unexplained = new List<string>();
        foreach (var o in orders.Select(o => o.Order))
        {
            if (string.IsNullOrWhiteSpace(o.Reason)) unexplained.Add($"{o.ClientOrderId}: no reason");
            else if (o.Purpose is OrderPurpose.Entry or OrderPurpose.Exit && !decisions[(o.CreatedAt, o.Strategy, o.Symbol.Ticker)].Any(r => r))
                unexplained.Add($"{o.ClientOrderId}: no decision with a reason at its bar");
        }

        var lossBreaches = new List<string>();
        var worstDay = 0.0;
        foreach (var day in store.DailyPnls().Where(d => d.Day >= DateOnly.FromDateTime(since) && d.StartEquity > 0))
        {
            var pct = (double)(day.Pnl / day.StartEquity) * 100;
            worstDay = Math.Min(worstDay, pct);
            if (risk.DailyLossLimitPercent is { } limit && -pct > (double)limit && store.TradingDay(day.Day)?.Halted != true)
                lossBreaches.Add(F($"{day.Day:yyyy-MM-dd}: {pct:0.00}% past the {limit}% limit without a halt"));
        }

        return new PaperRecord
        {
            Version = version,
            From = since,
            To = to,
            Trades = store.Trades().Count(t => t.EntryTime >= since),
            FilledOrders = orders.Count,
            Unexplained = unexplained,
            DailyLossBreaches = lossBreaches,
            WorstDayPct = worstDay,
            CapBreaches = CapBreaches(orders.Select(o => o.Order).ToList(), store.Fills().Where(f => f.Fill.Time >= since).Select(f => f.Fill).ToList(), risk),
            StopBreaches = risk.StopLossPercent is { } stop
                ? store.Trades().Where(t => t.EntryTime >= since && t.ReturnPct < -(double)(stop * 1.5m))
                    .Select(t => F($"{t.Strategy} {t.Symbol} {t.EntryTime:yyyy-MM-dd HH:mm}: {t.ReturnPct:0.00}% with a {stop}% stop")).ToList()
                : [],
            LastReconciliation = LastReconciliation(store, since)?.Message,
            ReconciliationClean = LastReconciliation(store, since) is not { } last || last.Severity == "info",
            OpenCriticalAlerts = OpenCriticalAlerts(store, since),
            Drift = drift,
        };
    }

    /// <summary>Critical alerts of the paper period still open: neither resolved nor acknowledged by someone who looked.</summary>
    public static int OpenCriticalAlerts(ITradingStore store, DateTime since) =>
        store.OpenAlerts().Count(a => a.Time >= since && a.Severity == AlertSeverity.Critical);

    private static StoredAlert? LastReconciliation(ITradingStore store, DateTime since) =>
        store.Alerts().LastOrDefault(a => a.Time >= since && a.Kind == "reconciliation");

    private static List<string> CapBreaches(List<OrderRequest> orders, List<Fill> fills, RiskConfig risk)
    {
        var breaches = new List<string>();
        foreach (var o in orders.Where(o => o.Purpose == OrderPurpose.Entry))
        {
            if (risk.MaxPositionSize is { } cap && o.Quantity > cap) breaches.Add(F($"{o.ClientOrderId}: quantity {o.Quantity} over the cap of {cap}"));
            if (risk.MaxNotionalPerOrder is { } notional && o.ReferencePrice is { } price && o.Quantity * price > notional * 1.01m)
                breaches.Add(F($"{o.ClientOrderId}: notional {o.Quantity * price:0.00} over the cap of {notional}"));
        }
        if (risk.MaxOpenPositions is { } maxOpen)
        {
            var open = new Dictionary<(string, string), decimal>();
            foreach (var fill in fills.OrderBy(f => f.Time))
            {
                var key = (fill.Strategy, fill.Symbol.Ticker);
                open[key] = open.GetValueOrDefault(key) + (fill.Side == OrderSide.Buy ? fill.Quantity : -fill.Quantity);
                var count = open.Values.Count(q => q > 0);
                if (count > maxOpen) breaches.Add(F($"{fill.Time:yyyy-MM-dd HH:mm}: {count} positions open, max {maxOpen}"));
            }
        }
        return breaches;
    }

    private static string F(FormattableString s) => s.ToString(CultureInfo.InvariantCulture);
}
