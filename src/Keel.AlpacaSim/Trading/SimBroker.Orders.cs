using Keel.Alpaca.Models;
using Keel.AlpacaSim.Data;

namespace Keel.AlpacaSim.Trading;

// Order entry, lookup, listing and cancellation.
public sealed partial class SimBroker
{
    /// <summary>Validates and accepts an order (then fills what the quote allows), or returns Alpaca's error.</summary>
    public (AlpacaOrder? Order, SimError? Error) Submit(AlpacaNewOrder request)
    {
        ArgumentNullException.ThrowIfNull(request);
        lock (_lock)
        {
            Process();
            var now = _clock.GetUtcNow();
            if (string.IsNullOrWhiteSpace(request.Symbol)) return (null, SimError.Invalid("symbol is required"));
            var asset = _assets.Find(request.Symbol);
            if (asset is null) return (null, SimError.Unprocessable($"asset \"{request.Symbol.ToUpperInvariant()}\" not found"));
            var quote = _quotes.Latest(asset.Symbol);
            var touch = request.Side == AlpacaOrderSide.Buy ? quote?.AskPrice : quote?.BidPrice;
            if (OrderValidator.Validate(request, asset, touch) is { } invalid) return (null, invalid);
            if (request.ClientOrderId is { } cid && _byClientId.ContainsKey(cid)) return (null, SimError.DuplicateClientOrderId());
            if (AccountCheck(request, asset, touch) is { } refused) return (null, refused);

            var order = Accept(request, asset, now);
            TryFill(order, now);
            return (order.ToAlpaca(nested: true), null);
        }
    }

    private SimError? AccountCheck(AlpacaNewOrder request, AlpacaAsset asset, decimal? touch)
    {
        var crypto = asset.AssetClass == AlpacaAssetClass.Crypto;
        var estimatedPrice = request.LimitPrice ?? request.StopPrice ?? touch;
        var estimatedCost = request.Notional ?? request.Qty * estimatedPrice;
        if (request.Side == AlpacaOrderSide.Buy)
        {
            var buyingPower = Math.Max(0, _cash - ReservedForBuys());
            if (_faults.TakeBuyingPowerRejection() || estimatedCost > buyingPower)
                return SimError.Forbidden(new AlpacaErrorBody { BuyingPower = buyingPower, Message = "insufficient buying power" });
            if (crypto && _cryptoMinimumNotional > 0 && asset.Symbol.EndsWith("/USD", StringComparison.Ordinal)
                && estimatedCost is { } cost && cost < _cryptoMinimumNotional)
                return SimError.Forbidden(new AlpacaErrorBody { Message = $"cost basis must be >= minimal amount of order {Format(_cryptoMinimumNotional)}" });
            return null;
        }
        if (_faults.TakeBuyingPowerRejection())
            return SimError.Forbidden(new AlpacaErrorBody { BuyingPower = Math.Max(0, _cash - ReservedForBuys()), Message = "insufficient buying power" });

        // Sells: the sim does not short, so a sell must be covered by what the position has free.
        var position = _positions.GetValueOrDefault(SimSymbols.PositionKey(asset.Symbol));
        var held = HeldForSells(asset.Symbol);
        var available = (position?.Qty ?? 0) - held;
        var requested = request.Qty ?? (touch is > 0 ? request.Notional / touch : null) ?? decimal.MaxValue;
        if (requested <= available) return null;
        var shown = requested == decimal.MaxValue ? "?" : Format(requested);
        if (crypto)
        {
            var baseCurrency = asset.Symbol.Split('/')[0];
            return SimError.Forbidden(new AlpacaErrorBody
            {
                Message = $"insufficient balance for {baseCurrency} (requested: {shown}, available: {Format(available)})",
                Available = available,
                Balance = position?.Qty ?? 0,
                Symbol = baseCurrency,
            });
        }
        return SimError.Forbidden(new AlpacaErrorBody
        {
            Message = $"insufficient qty available for order (requested: {shown}, available: {Format(available)})",
            ExistingQty = position?.Qty ?? 0,
            HeldForOrders = held,
            Symbol = asset.Symbol,
        });
    }

    private SimOrder Accept(AlpacaNewOrder request, AlpacaAsset asset, DateTimeOffset now)
    {
        var crypto = asset.AssetClass == AlpacaAssetClass.Crypto;
        var orderClass = request.OrderClass == AlpacaOrderClass.Unknown ? AlpacaOrderClass.Simple : request.OrderClass;
        var routedNow = crypto || _hours.IsOpen(now) || (request.ExtendedHours && _hours.IsExtendedOpen(now));
        var expires = ExpiryOf(asset, request, now);
        var order = NewOrder(request.ClientOrderId ?? Guid.NewGuid().ToString(), asset, request.Side,
            request.Type, request.TimeInForce, orderClass, now, parent: null,
            qty: request.Qty, notional: request.Notional,
            limit: request.OrderClass == AlpacaOrderClass.Oco ? request.LimitPrice ?? request.TakeProfit!.LimitPrice : request.LimitPrice,
            stop: request.StopPrice, extendedHours: request.ExtendedHours,
            trailPrice: request.TrailPrice, trailPercent: request.TrailPercent);
        order.ExpiresAt = expires;
        Register(order);
        Touch(order, routedNow ? AlpacaOrderStatus.New : AlpacaOrderStatus.Accepted, now);
        AddLegs(order, request, now);
        return order;
    }

    /// <summary>Day, OPG and CLS equity orders end at the next close (the extended close when extended hours).</summary>
    private DateTimeOffset? ExpiryOf(AlpacaAsset asset, AlpacaNewOrder request, DateTimeOffset now) =>
        asset.AssetClass != AlpacaAssetClass.Crypto && request.TimeInForce is AlpacaTimeInForce.Day or AlpacaTimeInForce.Opg or AlpacaTimeInForce.Cls
            ? (_hours.NextClose(now) + (request.ExtendedHours ? TimeSpan.FromHours(4) : TimeSpan.Zero)).ToUniversalTime()
            : null;

    /// <summary>Bracket: both exits held until the entry fills. OTO: the one exit, held. OCO: the stop leg, working at once.</summary>
    private void AddLegs(SimOrder parent, AlpacaNewOrder request, DateTimeOffset now)
    {
        if (parent.OrderClass is not (AlpacaOrderClass.Bracket or AlpacaOrderClass.Oto or AlpacaOrderClass.Oco)) return;
        var asset = _assets.Find(parent.Symbol)!;
        var exitSide = parent.OrderClass == AlpacaOrderClass.Oco
            ? parent.Side
            : parent.Side == AlpacaOrderSide.Buy ? AlpacaOrderSide.Sell : AlpacaOrderSide.Buy;
        var legStatus = parent.OrderClass == AlpacaOrderClass.Oco ? parent.Status : AlpacaOrderStatus.Held;
        if (request.TakeProfit is { } tp && parent.OrderClass != AlpacaOrderClass.Oco)
            AddLeg(parent, NewOrder(Guid.NewGuid().ToString(), asset, exitSide, AlpacaOrderType.Limit, parent.TimeInForce,
                parent.OrderClass, now, parent, parent.Qty, null, tp.LimitPrice, null, false), legStatus);
        if (request.StopLoss is { } sl)
            AddLeg(parent, NewOrder(Guid.NewGuid().ToString(), asset, exitSide,
                sl.LimitPrice is null ? AlpacaOrderType.Stop : AlpacaOrderType.StopLimit, parent.TimeInForce,
                parent.OrderClass, now, parent, parent.Qty, null, sl.LimitPrice, sl.StopPrice, false), legStatus);
    }

    private void AddLeg(SimOrder parent, SimOrder leg, AlpacaOrderStatus status)
    {
        leg.Status = status;
        leg.ExpiresAt = parent.ExpiresAt;
        parent.Legs.Add(leg);
        Register(leg);
    }

    private SimOrder NewOrder(string clientOrderId, AlpacaAsset asset, AlpacaOrderSide side, AlpacaOrderType type,
        AlpacaTimeInForce tif, AlpacaOrderClass orderClass, DateTimeOffset now, SimOrder? parent,
        decimal? qty, decimal? notional, decimal? limit, decimal? stop, bool extendedHours,
        decimal? trailPrice = null, decimal? trailPercent = null) => new()
    {
        Id = Guid.NewGuid().ToString(),
        ClientOrderId = clientOrderId,
        Sequence = ++_sequence,
        Symbol = asset.Symbol,
        AssetId = asset.Id,
        AssetClass = asset.AssetClass,
        Side = side,
        Type = type,
        TimeInForce = tif,
        OrderClass = orderClass,
        CreatedAt = now,
        UpdatedAt = now,
        Parent = parent,
        Qty = qty,
        Notional = notional,
        LimitPrice = limit,
        StopPrice = stop,
        ExtendedHours = extendedHours,
        TrailPrice = trailPrice,
        TrailPercent = trailPercent,
    };

    private void Register(SimOrder order)
    {
        _orders.Add(order);
        _byId[order.Id] = order;
        _byClientId[order.ClientOrderId] = order;
    }

    public AlpacaOrder? Order(string id, bool nested)
    {
        lock (_lock)
        {
            Process();
            return _byId.TryGetValue(id, out var order) ? order.ToAlpaca(nested) : null;
        }
    }

    public AlpacaOrder? OrderByClientId(string clientOrderId)
    {
        lock (_lock)
        {
            Process();
            return _byClientId.TryGetValue(clientOrderId, out var order) ? order.ToAlpaca(nested: true) : null;
        }
    }

    /// <summary>GET /v2/orders: status open|closed|all, after/until (exclusive, on submission time), direction, limit, side, symbols; nested shows legs inside their parent.</summary>
    public IReadOnlyList<AlpacaOrder> Orders(string status, DateTimeOffset? after, DateTimeOffset? until, bool ascending,
        int limit, bool nested, AlpacaOrderSide? side, IReadOnlyCollection<string>? symbols)
    {
        lock (_lock)
        {
            Process();
            var keys = symbols?.Select(SimSymbols.PositionKey).ToHashSet(StringComparer.Ordinal);
            IEnumerable<SimOrder> items = _orders.Where(o =>
                (status == "all" || (status == "open") == o.IsOpen)
                && (after is null || o.CreatedAt > after)
                && (until is null || o.CreatedAt < until)
                && (side is null || o.Side == side)
                && (keys is null || keys.Contains(SimSymbols.PositionKey(o.Symbol)))
                && (!nested || o.Parent is null));
            items = ascending
                ? items.OrderBy(o => o.CreatedAt).ThenBy(o => o.Sequence)
                : items.OrderByDescending(o => o.CreatedAt).ThenByDescending(o => o.Sequence);
            return items.Take(limit).Select(o => o.ToAlpaca(nested)).ToList();
        }
    }

    /// <summary>DELETE /v2/orders/{id}: null when the cancel was taken (204), else 404 or 422 "already in state".</summary>
    public SimError? Cancel(string id)
    {
        lock (_lock)
        {
            Process();
            if (!_byId.TryGetValue(id, out var order)) return SimError.NotFound("order not found");
            if (!order.IsOpen)
                return SimError.Unprocessable($"order is already in \"{Keel.Alpaca.Json.AlpacaEnumConverter<AlpacaOrderStatus>.Name(order.Status)}\" state");
            RequestCancel(order, _clock.GetUtcNow());
            return null;
        }
    }

    /// <summary>DELETE /v2/orders: cancels every open top-level order; one 200 result per order.</summary>
    public IReadOnlyList<AlpacaCancelResult> CancelAll()
    {
        lock (_lock)
        {
            Process();
            var now = _clock.GetUtcNow();
            var results = new List<AlpacaCancelResult>();
            foreach (var order in _orders.Where(o => o.IsOpen && o.Parent is null).ToList())
            {
                RequestCancel(order, now);
                results.Add(new AlpacaCancelResult { Id = order.Id, Status = 200 });
            }
            return results;
        }
    }

    /// <summary>Cancels at once, or (with the cancel-delay fault) leaves the order pending_cancel until <see cref="Process"/> sees the delay out.</summary>
    private void RequestCancel(SimOrder order, DateTimeOffset now)
    {
        if (order.Status == AlpacaOrderStatus.PendingCancel) return; // already on its way
        var delay = _faults.CancelDelay;
        if (delay <= TimeSpan.Zero)
        {
            Close(order, AlpacaOrderStatus.Canceled, now);
            return;
        }
        order.CancelDueAt = now + delay;
        Touch(order, AlpacaOrderStatus.PendingCancel, now);
    }

    /// <summary>DELETE /v2/positions/{symbol}: a market order selling all, <paramref name="qty"/>, or <paramref name="percentage"/>.</summary>
    public (AlpacaOrder? Order, SimError? Error) ClosePosition(string symbolOrAssetId, decimal? qty, decimal? percentage)
    {
        lock (_lock)
        {
            Process();
            var key = symbolOrAssetId.ToUpperInvariant();
            var position = _positions.Values.FirstOrDefault(p =>
                p.Key == key || string.Equals(p.AssetId, symbolOrAssetId, StringComparison.OrdinalIgnoreCase));
            if (position is null) return (null, SimError.NotFound("position not found"));
            if (qty is not null && percentage is not null) return (null, SimError.Invalid("only one of qty or percentage can be specified"));
            if (percentage is < 0 or > 100) return (null, SimError.Invalid("percentage must be between 0 and 100"));
            var amount = qty ?? (percentage is { } pct ? Math.Round(position.Qty * pct / 100, 9, MidpointRounding.ToZero) : position.Qty);
            return Submit(new AlpacaNewOrder
            {
                Symbol = position.Symbol,
                Qty = amount,
                Side = AlpacaOrderSide.Sell,
                Type = AlpacaOrderType.Market,
                TimeInForce = position.AssetClass == AlpacaAssetClass.Crypto ? AlpacaTimeInForce.Gtc : AlpacaTimeInForce.Day,
            });
        }
    }

    /// <summary>DELETE /v2/positions: closes every position (cancelling open orders first when asked); one result per symbol.</summary>
    public IReadOnlyList<AlpacaClosePositionResult> CloseAllPositions(bool cancelOrders)
    {
        lock (_lock)
        {
            if (cancelOrders) CancelAll();
            var results = new List<AlpacaClosePositionResult>();
            foreach (var key in _positions.Keys.Order(StringComparer.Ordinal).ToList())
            {
                var (order, error) = ClosePosition(key, null, null);
                results.Add(new AlpacaClosePositionResult { Symbol = key, Status = error?.Status ?? 200, Body = order });
            }
            return results;
        }
    }
}
