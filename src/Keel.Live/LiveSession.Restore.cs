using System.Globalization;
using Keel.Core.Domain;
using Keel.Core.Kernel;
using Keel.Core.Persistence;
using Keel.Core.Trading;
using Keel.Live.Alerts;
using Microsoft.Extensions.Logging;

namespace Keel.Live;

// Start-up: the store says what Keel did, the broker says what happened; this part makes them one.
public sealed partial class LiveSession
{
    /// <summary>Each strategy's open positions from the store, marked at the broker's current price.</summary>
    private void RestorePositions(IReadOnlyList<BrokerPosition> brokerPositions)
    {
        var kernel = Kernel;
        foreach (var position in _store.Positions())
        {
            if (position.Quantity == 0) continue;
            if (!kernel.Slots.Any(s => s.Strategy.Name == position.Strategy && s.Symbol == position.Symbol))
            {
                Alert("reconciliation", $"{position.Strategy} holds {position.Quantity} {position.Symbol} in the store but is no longer in the config; the position is left alone", position.Symbol);
                continue;
            }
            var mark = brokerPositions.FirstOrDefault(p => p.Holds(position.Symbol))?.CurrentPrice
                ?? position.AveragePrice;
            kernel.RestorePosition(position.Strategy, position.Symbol, position.Quantity, position.AveragePrice, position.EntryTime, position.EntryOrderId, (double)mark);
        }
    }

    /// <summary>
    /// Every order the store still thinks is open is looked up at the broker by its client order id
    /// before anything is sent. Found: the port watches it again and reports the fills that happened
    /// while Keel was down (once: the store keys fills by order and cumulative quantity). Not found and
    /// its bar not finished: the bar is processed again, which re-makes the same
    /// decision under the same id (it stays an intent until then). Not found otherwise: it was lost on the
    /// way and is closed as such.
    /// </summary>
    private async Task ReconcileOrdersAsync(DateTime now, CancellationToken ct)
    {
        var kernel = Kernel;
        var fills = _store.Fills();
        foreach (var stored in _store.OpenOrders())
        {
            var order = stored.Order;
            if (!kernel.Slots.Any(s => s.Strategy.Name == order.Strategy && s.Symbol == order.Symbol))
            {
                Alert("reconciliation", $"open order {order.ClientOrderId} belongs to {order.Strategy} on {order.Symbol}, which is no longer in the config; cancel it at the broker if it is still working", order.Symbol);
                continue;
            }
            var atBroker = await _broker.OrderByClientOrderIdAsync(order.ClientOrderId, ct).ConfigureAwait(false)
                ?? (ExitRules.IsNamedExit(order) ? await _broker.BracketLegAsync(order.ParentId!, order.Purpose, ct).ConfigureAwait(false) : null);
            if (atBroker is null && stored.Status == OrderStatus.Accepted && _port.ResumeWatchedExit(order))
            {
                kernel.RestoreWorkingOrder(order); // an exit the port watches itself: never at the broker
                continue;
            }
            if (atBroker is null)
            {
                // Its bar is processed again and re-makes the same decision under the same id; if it does not, the
                // next start finds the bar done and closes the intent as lost.
                if (_store.Cursor(order.Symbol) is not { } cursor || order.CreatedAt > cursor.LastBar) continue;
                const string reason = "lost: the broker has no order with this client order id, though its bar was completed";
                _store.Record(new OrderEvent(now, order, OrderStatus.Rejected, reason));
                Alert("reconciliation", $"order {order.ClientOrderId} ({order.Side} {order.Quantity} {order.Symbol}) was {reason}", order.Symbol);
                continue;
            }
            _store.SetBrokerOrderId(order.ClientOrderId, atBroker.BrokerOrderId);
            kernel.RestoreWorkingOrder(order);
            _port.Adopt(order, atBroker.BrokerOrderId, stored.Status != OrderStatus.New,
                fills.Where(f => f.Fill.ClientOrderId == order.ClientOrderId).Select(f => f.Fill).ToList());
            LogAdopted(_logger, order.ClientOrderId, atBroker.Status, atBroker.FilledQuantity, stored.FilledQuantity);
        }
        await PumpAsync(ct).ConfigureAwait(false); // fills and ends that happened while down
    }

    /// <summary>
    /// Compares each configured symbol's position in the store (all strategies together) with the broker's.
    /// A difference nothing explains is alerted, and that symbol trades again only once they agree.
    /// </summary>
    private async Task ComparePositionsAsync(DateTime now, CancellationToken ct)
    {
        var broker = await _broker.PositionsAsync(ct).ConfigureAwait(false);
        var stored = _store.Positions();
        foreach (var symbol in _settings.Symbols)
        {
            var ours = stored.Where(p => p.Symbol == symbol).Sum(p => p.Quantity);
            var theirs = broker.Where(p => p.Holds(symbol)).Sum(p => p.Quantity);
            if (ours == theirs)
            {
                if (_gate.Unblock(symbol)) _alerts.Resolve($"reconciliation:{symbol.Ticker}", $"{symbol}: store and broker agree again ({ours}); trading resumes");
                continue;
            }
            var why = string.Create(CultureInfo.InvariantCulture, $"the store holds {ours} {symbol} across strategies, the broker {theirs}");
            if (!_gate.Blocked.ContainsKey(symbol)) Alert("reconciliation", why + "; no orders for this symbol until they agree", symbol, condition: $"reconciliation:{symbol.Ticker}");
            _gate.Block(symbol, why);
        }
    }

    /// <summary>Today's start-of-day equity and loss-limit halt come back from the store, not from the current equity.</summary>
    private void RestoreTradingDay(DateTime now)
    {
        var today = TradingDayClock.DayOf(now, DayZone);
        if (_store.TradingDay(today) is not { } day) return;
        Kernel.Risk.Restore(day.Day, day.StartOfDayEquity, day.Halted);
        _savedDay = day;
        LogDayRestored(_logger, day.Day, day.StartOfDayEquity, day.Halted);
    }

    /// <summary>Stores the trading day's start equity when the kernel begins a day, and the loss-limit halt when it trips.</summary>
    private void SaveTradingDay()
    {
        var risk = Kernel.Risk;
        if (risk.StartOfDayEquity <= 0) return;
        if (_savedDay is { } saved && saved.Day == risk.Day && saved.Halted == risk.HaltedToday) return;
        string? reason = null;
        if (risk.HaltedToday)
        {
            reason = string.Create(CultureInfo.InvariantCulture, $"daily loss limit of {risk.Config.DailyLossLimitPercent}% reached on {risk.Day:yyyy-MM-dd} (start-of-day equity {risk.StartOfDayEquity:0.00})");
            Alert(AlertKinds.DailyLossHalt, reason + "; entries halted until the next trading day", null, "critical");
        }
        var day = new StoredTradingDay(risk.Day, risk.StartOfDayEquity, risk.HaltedToday, reason);
        _store.SaveTradingDay(day);
        _savedDay = _store.TradingDay(risk.Day) ?? day;
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "adopted order {ClientOrderId}: broker status {Status}, filled {BrokerFilled} (store had {StoreFilled})")]
    private static partial void LogAdopted(ILogger logger, string clientOrderId, string status, decimal brokerFilled, decimal storeFilled);

    [LoggerMessage(Level = LogLevel.Information, Message = "trading day {Day:yyyy-MM-dd} restored: start-of-day equity {Equity}, halted {Halted}")]
    private static partial void LogDayRestored(ILogger logger, DateOnly day, decimal equity, bool halted);
}
