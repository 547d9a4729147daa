using System.Globalization;
using Keel.Alpaca.Models;
using Keel.AlpacaSim.Data;
using Keel.Core.Trading;

namespace Keel.AlpacaSim.Trading;

// The fill engine: orders against the current quote, like Alpaca paper (buys at the ask, sells at the bid).
public sealed partial class SimBroker
{
    private void TryFill(SimOrder order, DateTimeOffset now)
    {
        if (!order.IsOpen || order.Status == AlpacaOrderStatus.Held || _faults.HangOrders) return;
        if (BarPathFill(order, now) is { } touched)
        {
            Execute(order, touched.Price, touched.Time);
            return;
        }
        if (!order.IsCrypto && !_hours.IsOpen(now) && !(order.ExtendedHours && _hours.IsExtendedOpen(now))) return;
        if (order.Status == AlpacaOrderStatus.Accepted) Touch(order, AlpacaOrderStatus.New, now);
        if (_quotes.Latest(order.Symbol) is not { } quote) return;

        var price = MarketablePrice(order, quote, now);
        if (price is null)
        {
            if (order.TimeInForce is AlpacaTimeInForce.Ioc or AlpacaTimeInForce.Fok) Close(order, AlpacaOrderStatus.Canceled, now);
            return;
        }
        Execute(order, price.Value, now);
    }

    /// <summary>Fills what the account allows of <paramref name="order"/> at <paramref name="price"/>, dated <paramref name="now"/>.</summary>
    private void Execute(SimOrder order, decimal price, DateTimeOffset now)
    {
        if (order.Qty is null && order.TargetQty is null)
            order.TargetQty = Math.Round(order.Notional!.Value / price, 9, MidpointRounding.ToZero);
        var remaining = order.Remaining!.Value;
        var fraction = order.TimeInForce == AlpacaTimeInForce.Fok ? 1m : _faults.NextFillFraction();
        var quantity = PartialQuantity(order, remaining, fraction);

        if (order.Side == AlpacaOrderSide.Buy && quantity * price > _cash)
        {
            Reject(order, now);
            return;
        }
        var position = _positions.GetValueOrDefault(SimSymbols.PositionKey(order.Symbol));
        if (order.Side == AlpacaOrderSide.Sell && (position is null || position.Qty < quantity))
        {
            Reject(order, now);
            return;
        }
        ApplyFill(order, quantity, price, now);
        if (order.IsOpen && order.TimeInForce == AlpacaTimeInForce.Ioc) Close(order, AlpacaOrderStatus.Canceled, now);
    }

    /// <summary>Whole shares stay whole; anything else is cut to 9 decimals. A partial never rounds to zero or to everything.</summary>
    private static decimal PartialQuantity(SimOrder order, decimal remaining, decimal fraction)
    {
        if (fraction >= 1) return remaining;
        var wholeShares = !order.IsCrypto && remaining == decimal.Truncate(remaining);
        var part = wholeShares ? decimal.Floor(remaining * fraction) : Math.Round(remaining * fraction, 9, MidpointRounding.ToZero);
        return part <= 0 || part >= remaining ? remaining : part;
    }

    /// <summary>
    /// The price this order fills at now, or null when it is not marketable (limit not crossed, stop not
    /// triggered). Whether a touch reaches a limit or a stop, and where a trailing stop trails, are the exit
    /// engine's rules (<see cref="ExitRules"/>, shared with the backtester and the Alpaca port): the touch is
    /// a range whose high and low are both that price. A triggered stop fills at the touch, as a market order.
    /// </summary>
    private decimal? MarketablePrice(SimOrder order, AlpacaQuote quote, DateTimeOffset now)
    {
        var side = order.Side == AlpacaOrderSide.Buy ? OrderSide.Buy : OrderSide.Sell;
        var touch = side == OrderSide.Buy ? quote.AskPrice : quote.BidPrice;
        if (touch <= 0) return null;
        switch (order.Type)
        {
            case AlpacaOrderType.Market:
                return touch;
            case AlpacaOrderType.Limit:
                return Crosses(side, touch, order.LimitPrice!.Value) ? touch : null;
            case AlpacaOrderType.Stop:
                return Triggered(order, side, touch) ? touch : null;
            case AlpacaOrderType.StopLimit:
                return Triggered(order, side, touch) && Crosses(side, touch, order.LimitPrice!.Value) ? touch : null;
            case AlpacaOrderType.TrailingStop:
                if (!order.IsCrypto && !_hours.IsOpen(now)) return null; // trailing stops trigger only in regular hours
                Trail(order, side, touch);
                return Triggered(order, side, touch) ? touch : null;
            default:
                return null;
        }
    }

    /// <summary>
    /// A resting limit, stop or trailing stop against the bars that completed since it was last looked at, in
    /// time order, by the exit engine's rules on each bar's range (<see cref="ExitRules"/>, as the backtester
    /// does): the fill is at the order's price, or at the open when the bar opened past it, dated the bar's
    /// start (never before the order worked). A trailing stop trails each bar's extreme after the bar was held
    /// against it. Stock orders see only regular-hours bars unless they may trade extended hours. A scripted
    /// quote is the market instead of the bars (tests set one to make a price happen).
    /// </summary>
    private (decimal Price, DateTimeOffset Time)? BarPathFill(SimOrder order, DateTimeOffset now)
    {
        if (order.PathFrom is not { } from || order.WorkingSince is not { } since
            || order.Type is not (AlpacaOrderType.Limit or AlpacaOrderType.Stop or AlpacaOrderType.TrailingStop)
            || _quotes.IsScripted(order.Symbol))
            return null;
        var side = order.Side == AlpacaOrderSide.Buy ? OrderSide.Buy : OrderSide.Sell;
        var type = order.Type == AlpacaOrderType.Limit ? OrderType.Limit : OrderType.Stop;
        foreach (var (bar, end) in _bars.Path(order.Symbol, from, now))
        {
            order.PathFrom = end;
            if (!order.IsCrypto && !_hours.IsOpen(bar.Timestamp) && !(order.ExtendedHours && _hours.IsExtendedOpen(bar.Timestamp))) continue;
            if (order.Type == AlpacaOrderType.TrailingStop && order.Hwm is null) Trail(order, side, bar.Open);
            var trigger = (type == OrderType.Limit ? order.LimitPrice : order.StopPrice)!.Value;
            if (ExitRules.Reaches(type, side, trigger, bar.High, bar.Low))
            {
                order.StopTriggered |= type == OrderType.Stop;
                return (ExitRules.FillPrice(type, side, trigger, bar.Open), bar.Timestamp > since ? bar.Timestamp : since);
            }
            if (order.Type == AlpacaOrderType.TrailingStop) Trail(order, side, side == OrderSide.Sell ? bar.High : bar.Low);
        }
        return null;
    }

    /// <summary>Moves a trailing stop's water mark to <paramref name="price"/> (if further) and its stop with it.</summary>
    private static void Trail(SimOrder order, OrderSide side, decimal price)
    {
        order.Hwm = ExitRules.WaterMark(side, order.Hwm, price);
        order.StopPrice = order.TrailPercent is { } percent
            ? ExitRules.TrailingStopPrice(side, order.Hwm.Value, percent)
            : side == OrderSide.Buy ? order.Hwm + order.TrailPrice : order.Hwm - order.TrailPrice; // a fixed trail: Alpaca's own kind
    }

    private static bool Crosses(OrderSide side, decimal touch, decimal limit) => ExitRules.Reaches(OrderType.Limit, side, limit, touch, touch);

    /// <summary>A stop, once reached, stays triggered (it became a market order) even if the price comes back.</summary>
    private static bool Triggered(SimOrder order, OrderSide side, decimal touch)
    {
        if (!order.StopTriggered && ExitRules.Reaches(OrderType.Stop, side, order.StopPrice!.Value, touch, touch)) order.StopTriggered = true;
        return order.StopTriggered;
    }

    private void ApplyFill(SimOrder order, decimal quantity, decimal price, DateTimeOffset now)
    {
        var key = SimSymbols.PositionKey(order.Symbol);
        var before = order.FilledQty;
        var fee = CryptoFee(order, before, quantity, price);
        if (order.Side == AlpacaOrderSide.Buy)
        {
            _cash -= quantity * price;
            if (!_positions.TryGetValue(key, out var position))
                _positions[key] = position = new SimPosition { Symbol = order.Symbol, AssetId = order.AssetId, AssetClass = order.AssetClass };
            position.Buy(quantity - fee.Coin, price);
        }
        else
        {
            _cash += quantity * price - fee.Dollars;
            var position = _positions[key];
            position.Sell(quantity);
            if (position.Qty == 0) _positions.Remove(key);
        }

        order.FilledQty = before + quantity;
        order.FilledAvgPrice = ((order.FilledAvgPrice ?? 0) * before + price * quantity) / order.FilledQty;
        var complete = order.Remaining == 0;
        // A partial fill while a cancel is pending leaves the order pending_cancel.
        Touch(order, complete ? AlpacaOrderStatus.Filled
            : order.Status == AlpacaOrderStatus.PendingCancel ? AlpacaOrderStatus.PendingCancel : AlpacaOrderStatus.PartiallyFilled, now);
        if (complete) order.FilledAt = now;
        var id = ActivityId(now);
        _activities.Add(new AlpacaFillActivity
        {
            Id = id,
            ActivityType = "FILL",
            TransactionTime = now,
            Type = complete ? "fill" : "partial_fill",
            Price = price,
            Qty = quantity,
            Side = order.Side,
            Symbol = order.Symbol,
            LeavesQty = order.Remaining ?? 0,
            OrderId = order.Id,
            CumQty = order.FilledQty,
            OrderStatus = order.Status,
        });
        if (fee.Coin > 0 || fee.Dollars > 0) RecordFee(order, fee, price, now);
        Publish(complete ? "fill" : "partial_fill", order, now, price, quantity, _positions.GetValueOrDefault(key)?.Qty ?? 0m);
        if (complete) OnCompleted(order, now);
    }

    /// <summary>
    /// Alpaca's crypto fee, taken from what the trade brings in: a buy receives fewer coins, a sell fewer
    /// dollars. The coin fee is counted on the order's cumulative quantity and rounded to 9 decimals (half
    /// away from zero), so however an order is split into executions its fees add up to the fee of the whole.
    /// </summary>
    private (decimal Coin, decimal Dollars) CryptoFee(SimOrder order, decimal filledBefore, decimal quantity, decimal price)
    {
        if (!order.IsCrypto || _cryptoFeeRate == 0) return (0, 0);
        if (order.Side == AlpacaOrderSide.Sell) return (0, quantity * price * _cryptoFeeRate);
        static decimal Round(decimal value) => Math.Round(value, 9, MidpointRounding.AwayFromZero);
        return (Round((filledBefore + quantity) * _cryptoFeeRate) - Round(filledBefore * _cryptoFeeRate), 0);
    }

    private void RecordFee(SimOrder order, (decimal Coin, decimal Dollars) fee, decimal price, DateTimeOffset now) =>
        _fees.Add(new AlpacaFeeActivity
        {
            Id = ActivityId(now),
            ActivityType = "CFEE",
            Date = DateOnly.FromDateTime(Market.MarketHours.ToEastern(now).DateTime),
            TransactionTime = now,
            Symbol = SimSymbols.PositionKey(order.Symbol),
            Qty = -fee.Coin,
            Price = price,
            NetAmount = -fee.Dollars,
            Description = fee.Coin > 0 ? "Coin Pair Transaction Fee (Non USD)" : "Coin Pair Transaction Fee (USD)",
            Status = "executed",
            OrderId = order.Id,
        });

    private static string ActivityId(DateTimeOffset now) =>
        now.UtcDateTime.ToString("yyyyMMddHHmmssfff", CultureInfo.InvariantCulture) + "::" + Guid.NewGuid();

    /// <summary>An entry that filled releases its held exits; an exit that filled cancels the rest of its group.</summary>
    private void OnCompleted(SimOrder order, DateTimeOffset now)
    {
        if (order.Parent is null && order.OrderClass is AlpacaOrderClass.Bracket or AlpacaOrderClass.Oto)
        {
            foreach (var leg in order.Legs.Where(l => l.Status == AlpacaOrderStatus.Held))
                Touch(leg, AlpacaOrderStatus.New, now);
            return;
        }
        var group = order.Parent ?? order;
        foreach (var other in group.Legs.Append(group))
        {
            if (other != order && other.IsOpen && (other.Parent is not null || group.OrderClass == AlpacaOrderClass.Oco))
                Close(other, AlpacaOrderStatus.Canceled, now);
        }
    }

    /// <summary>Ends an order (cancel, expiry) together with its exits that can no longer make sense.</summary>
    private void Close(SimOrder order, AlpacaOrderStatus status, DateTimeOffset now)
    {
        Touch(order, status, now);
        if (status == AlpacaOrderStatus.Canceled) order.CanceledAt = now;
        if (status == AlpacaOrderStatus.Expired) order.ExpiredAt = now;
        foreach (var leg in order.Legs.Where(l => l.IsOpen && (l.Status == AlpacaOrderStatus.Held || order.OrderClass == AlpacaOrderClass.Oco)))
            Close(leg, AlpacaOrderStatus.Canceled, now);
        // Cancelling the stop of an OCO cancels its partner too.
        if (order.Parent is { OrderClass: AlpacaOrderClass.Oco, IsOpen: true } ocoParent && status == AlpacaOrderStatus.Canceled)
            Close(ocoParent, AlpacaOrderStatus.Canceled, now);
    }

    private void Reject(SimOrder order, DateTimeOffset now)
    {
        Touch(order, AlpacaOrderStatus.Rejected, now);
        order.FailedAt = now;
        foreach (var leg in order.Legs.Where(l => l.IsOpen)) Close(leg, AlpacaOrderStatus.Canceled, now);
    }

    /// <summary>Moves an order to <paramref name="status"/>; a change is a trade update (fills publish their own, with the execution).</summary>
    private void Touch(SimOrder order, AlpacaOrderStatus status, DateTimeOffset now)
    {
        var changed = order.Status != status;
        order.Status = status;
        order.UpdatedAt = now;
        if (status == AlpacaOrderStatus.New) order.StartWorking(now);
        if (changed && status is not (AlpacaOrderStatus.Filled or AlpacaOrderStatus.PartiallyFilled or AlpacaOrderStatus.Held))
            Publish(Keel.Alpaca.Json.AlpacaEnumConverter<AlpacaOrderStatus>.Name(status), order, now);
    }

    private void Publish(string @event, SimOrder order, DateTimeOffset now, decimal? price = null, decimal? qty = null, decimal? positionQty = null) =>
        _updates.Publish(new AlpacaTradeUpdate
        {
            Event = @event,
            ExecutionId = price is null ? null : Guid.NewGuid().ToString(),
            Order = order.ToAlpaca(nested: false),
            Timestamp = now,
            Price = price,
            Qty = qty,
            PositionQty = positionQty,
        });
}
