using Keel.Alpaca.Models;

namespace Keel.AlpacaSim.Trading;

// PATCH /v2/orders/{id}: a replacement is a new order; the old one becomes replaced.
public sealed partial class SimBroker
{
    /// <summary>
    /// Replaces a working order with a new one carrying the changed fields (qty, limit, stop, trail, time in
    /// force, client order id) and <c>replaces</c> = the old id; the old order becomes <c>replaced</c> with
    /// <c>replaced_by</c> set. The new order is validated and checked against the account like a new
    /// submission, as if the old one were already gone. A bracket leg's replacement takes its place among
    /// the legs. Not simulated: replacing an order that has filled in part or that carries legs.
    /// </summary>
    public (AlpacaOrder? Order, SimError? Error) Replace(string id, AlpacaReplaceOrder change)
    {
        ArgumentNullException.ThrowIfNull(change);
        lock (_lock)
        {
            Process();
            var now = _clock.GetUtcNow();
            if (!_byId.TryGetValue(id, out var old)) return (null, SimError.NotFound("order not found"));
            if (!old.IsOpen || old.Status == AlpacaOrderStatus.PendingCancel) return (null, SimError.Unprocessable("order is not open"));
            if (old.FilledQty > 0) return (null, SimError.Unprocessable("the sim does not replace a partially filled order"));
            if (old.Legs.Count > 0) return (null, SimError.Unprocessable("the sim does not replace an order that has legs"));
            if (old.Notional is not null) return (null, SimError.Unprocessable("notional orders cannot be replaced"));

            var trailing = old.Type == AlpacaOrderType.TrailingStop;
            var request = new AlpacaNewOrder
            {
                Symbol = old.Symbol,
                Qty = change.Qty ?? old.Qty,
                Side = old.Side,
                Type = old.Type,
                TimeInForce = change.TimeInForce == AlpacaTimeInForce.Unknown ? old.TimeInForce : change.TimeInForce,
                LimitPrice = change.LimitPrice ?? old.LimitPrice,
                StopPrice = trailing ? null : change.StopPrice ?? old.StopPrice,
                TrailPrice = old.TrailPrice is not null ? change.Trail ?? old.TrailPrice : null,
                TrailPercent = old.TrailPercent is not null ? change.Trail ?? old.TrailPercent : null,
                ExtendedHours = old.ExtendedHours,
                ClientOrderId = change.ClientOrderId,
            };
            var asset = _assets.Find(old.Symbol)!;
            var quote = _quotes.Latest(asset.Symbol);
            var touch = old.Side == AlpacaOrderSide.Buy ? quote?.AskPrice : quote?.BidPrice;
            if (OrderValidator.Validate(request, asset, touch) is { } invalid) return (null, invalid);
            if (request.ClientOrderId is { } cid && _byClientId.ContainsKey(cid)) return (null, SimError.DuplicateClientOrderId());

            // The account check sees the account as if the old order were gone; it stays if the check fails.
            // A leg is not checked: its group already holds what it would sell.
            if (old.Parent is null)
            {
                var status = old.Status;
                old.Status = AlpacaOrderStatus.Replaced;
                var refused = AccountCheck(request, asset, touch);
                old.Status = status;
                if (refused is not null) return (null, refused);
            }

            var replacement = NewReplacement(old, request, asset, now);
            old.ReplacedAt = now;
            old.ReplacedBy = replacement.Id;
            Touch(old, AlpacaOrderStatus.Replaced, now);
            if (replacement.Status != AlpacaOrderStatus.Held)
                Publish(Keel.Alpaca.Json.AlpacaEnumConverter<AlpacaOrderStatus>.Name(replacement.Status), replacement, now);
            TryFill(replacement, now);
            return (replacement.ToAlpaca(nested: true), null);
        }
    }

    private SimOrder NewReplacement(SimOrder old, AlpacaNewOrder request, AlpacaAsset asset, DateTimeOffset now)
    {
        var replacement = new SimOrder
        {
            Id = Guid.NewGuid().ToString(),
            ClientOrderId = request.ClientOrderId ?? Guid.NewGuid().ToString(),
            Sequence = ++_sequence,
            Symbol = asset.Symbol,
            AssetId = asset.Id,
            AssetClass = asset.AssetClass,
            Side = old.Side,
            Type = old.Type,
            TimeInForce = request.TimeInForce,
            OrderClass = old.OrderClass,
            CreatedAt = now,
            UpdatedAt = now,
            Parent = old.Parent,
            Qty = request.Qty,
            LimitPrice = request.LimitPrice,
            StopPrice = request.StopPrice,
            TrailPrice = request.TrailPrice,
            TrailPercent = request.TrailPercent,
            ExtendedHours = old.ExtendedHours,
            Replaces = old.Id,
            // A held leg stays held; a working order keeps working (accepted outside hours, new inside).
            Status = old.Status is AlpacaOrderStatus.Held or AlpacaOrderStatus.Accepted ? old.Status : AlpacaOrderStatus.New,
            ExpiresAt = request.TimeInForce == old.TimeInForce ? old.ExpiresAt : ExpiryOf(asset, request, now),
        };
        if (replacement.Status == AlpacaOrderStatus.New) replacement.StartWorking(now);
        if (old.Parent is { } parent) parent.Legs[parent.Legs.IndexOf(old)] = replacement;
        Register(replacement);
        return replacement;
    }
}
