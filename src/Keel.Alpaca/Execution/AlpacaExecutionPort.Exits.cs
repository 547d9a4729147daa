using System.Globalization;
using Keel.Alpaca.Models;
using Keel.Core.Domain;
using Keel.Core.Trading;

namespace Keel.Alpaca.Execution;

// The exits an entry asks for (ExitRoute): bracket legs Alpaca holds, a trailing stop sent after the fill,
// exits the port watches itself, and a strategy's own exit waiting for those to end.
public sealed partial class AlpacaExecutionPort
{
    private const string StrategyExitsReason = "cancelled: the strategy exits on its own";

    /// <summary>Bracket entries (working or done) with legs still open, by the entry's client order id.</summary>
    private readonly Dictionary<string, TrackedOrder> _legHolders = new(StringComparer.Ordinal);
    private readonly List<WatchedExit> _watched = [];
    /// <summary>Strategy exits held back until the entry's exits have ended.</summary>
    private readonly List<OrderRequest> _deferred = [];

    /// <summary>The price a bracket's percents apply to: the price the entry was sized at, else the ask now.</summary>
    private async Task<decimal?> BracketBaseAsync(OrderRequest request, CancellationToken ct)
    {
        if (request.ReferencePrice is { } reference) return reference;
        try
        {
            return await TouchAsync(request.Symbol, OrderSide.Buy, ct).ConfigureAwait(false);
        }
        catch (Exception ex) when (ex is AlpacaApiException or AlpacaTransportException)
        {
            return null;
        }
    }

    /// <summary>Follows a bracket entry's legs from an answer that shows them (<c>nested=true</c>).</summary>
    private void ApplyLegs(TrackedOrder entry, AlpacaOrder order)
    {
        var now = _time.GetUtcNow();
        // Fills first, so that a sibling cancelled by one is closed with that reason.
        foreach (var legOrder in (order.Legs ?? []).OrderBy(l => l.Status == AlpacaOrderStatus.Filled ? 0 : 1))
        {
            if (entry.FinishedLegs.Contains(legOrder.Id)) continue;
            if (!entry.Legs.TryGetValue(legOrder.Id, out var leg))
            {
                leg = new TrackedOrder(LegRequest(entry.Request, legOrder), now) { IsExit = true, IsLeg = true, AlpacaId = legOrder.Id };
                entry.Legs[legOrder.Id] = leg;
            }
            ApplyLeg(entry, leg, legOrder);
        }
        if (entry.Legs.Count > 0) _legHolders[entry.Request.ClientOrderId] = entry;
        else _legHolders.Remove(entry.Request.ClientOrderId);
    }

    /// <summary>One leg's news (from a nested read or the stream); a filled leg names itself in its siblings' end.</summary>
    private void ApplyLeg(TrackedOrder entry, TrackedOrder leg, AlpacaOrder legOrder)
    {
        if (legOrder.Status == AlpacaOrderStatus.Filled)
        {
            foreach (var sibling in entry.Legs.Values.Where(s => s != leg))
                sibling.CancelReason ??= $"one-cancels-other: {leg.Request.Purpose} filled";
        }
        Apply(leg, legOrder);
        entry.LegsActivated |= leg.Accepted;
        if (!legOrder.IsFinal) return;
        entry.Legs.Remove(legOrder.Id);
        entry.FinishedLegs.Add(legOrder.Id);
        if (entry.Legs.Count == 0 && !_tracked.ContainsKey(entry.Request.ClientOrderId)) _legHolders.Remove(entry.Request.ClientOrderId);
    }

    /// <summary>
    /// What the kernel is told a leg is: a sell exit of the entry under the id the simulated broker would give
    /// it (<see cref="ExitRules.ExitId"/>), so a backtest and a paper session record the same orders. Alpaca
    /// names the leg itself; the port follows it by Alpaca's order id, and a restart finds it as the entry's leg.
    /// </summary>
    private static OrderRequest LegRequest(OrderRequest entry, AlpacaOrder leg)
    {
        var takeProfit = leg.Type == AlpacaOrderType.Limit;
        var price = takeProfit ? leg.LimitPrice : leg.StopPrice;
        var percent = takeProfit ? entry.TakeProfitPercent : entry.StopLossPercent;
        return Exit(entry, takeProfit ? OrderPurpose.TakeProfit : OrderPurpose.StopLoss, leg.Qty ?? entry.Quantity,
            takeProfit ? price : null, takeProfit ? null : price,
            F($"{(takeProfit ? "take profit" : "stop loss")} {percent}% from {entry.ReferencePrice?.ToString(CultureInfo.InvariantCulture) ?? "the quote"}: {(takeProfit ? "limit" : "stop")} {price} (Alpaca bracket leg {leg.ClientOrderId})"));
    }

    /// <summary>An exit of <paramref name="entry"/>, with the id the simulated broker would give it.</summary>
    private static OrderRequest Exit(OrderRequest entry, OrderPurpose purpose, decimal quantity, decimal? limit, decimal? stop, string reason) => entry with
    {
        ClientOrderId = ExitRouting.ExitId(entry.ClientOrderId, purpose),
        Side = OrderSide.Sell,
        Quantity = quantity,
        Type = limit is not null ? OrderType.Limit : stop is not null || purpose == OrderPurpose.TrailingStop ? OrderType.Stop : OrderType.Market,
        LimitPrice = limit,
        StopPrice = stop,
        Purpose = purpose,
        Reason = reason,
        StopLossPercent = null,
        TakeProfitPercent = null,
        TrailingStopPercent = purpose == OrderPurpose.TrailingStop ? entry.TrailingStopPercent : null,
        ReferencePrice = null,
        ParentId = entry.ClientOrderId,
    };

    /// <summary>Bracket entries that are done while their legs work: one nested read per entry and round.</summary>
    private async Task RefreshLegsOfFinishedEntriesAsync(CancellationToken ct)
    {
        foreach (var entry in _legHolders.Values.Where(e => !_tracked.ContainsKey(e.Request.ClientOrderId)).ToList())
        {
            try
            {
                ApplyLegs(entry, await _client.GetOrderAsync(entry.AlpacaId!, nested: true, ct).ConfigureAwait(false));
            }
            catch (Exception ex) when (ex is AlpacaApiException or AlpacaTransportException)
            {
                // Try again next round.
            }
        }
    }

    private TrackedOrder? FindLeg(string clientOrderId) =>
        _legHolders.Values.SelectMany(e => e.Legs.Values).FirstOrDefault(l => l.Request.ClientOrderId == clientOrderId);

    /// <summary>An entry is done and bought something: put in place the exits Alpaca does not already hold.</summary>
    private void ArmExitsAfterFill(TrackedOrder entry, AlpacaOrder order)
    {
        var request = entry.Request;
        var quantity = entry.ReceivedQty;
        var fillPrice = order.FilledAvgPrice ?? 0m;
        switch (entry.Route)
        {
            case ExitRoute.TrailingAfterFill:
                var trailing = Exit(request, OrderPurpose.TrailingStop, quantity, null, null,
                    F($"trailing stop {request.TrailingStopPercent}% under the high since entry (Alpaca trailing_stop)"));
                _commands.Enqueue(ct => PlaceAsync(new TrackedOrder(trailing, _time.GetUtcNow()) { IsExit = true },
                    OrderMapping.TrailingStop(trailing, request.TrailingStopPercent!.Value), ct));
                return;
            case ExitRoute.Watched:
                if (request.StopLossPercent is { } sl) Watch(Exit(request, OrderPurpose.StopLoss, quantity, null, Price(OrderType.Stop, ExitRules.StopLossPrice(fillPrice, sl)),
                    F($"stop loss {sl}% under entry {fillPrice} (watched by the port)")));
                if (request.TakeProfitPercent is { } tp) Watch(Exit(request, OrderPurpose.TakeProfit, quantity, Price(OrderType.Limit, ExitRules.TakeProfitPrice(fillPrice, tp)), null,
                    F($"take profit {tp}% over entry {fillPrice} (watched by the port)")));
                if (request.TrailingStopPercent is { } trail) Watch(Exit(request, OrderPurpose.TrailingStop, quantity, null, null,
                    F($"trailing stop {trail}% under the high since entry (watched by the port)")), trail, fillPrice);
                return;
            case ExitRoute.Bracket when !entry.LegsActivated && entry.Legs.Count == 0:
                // The entry ended part-filled and Alpaca dropped its held legs: watch their prices instead.
                if (entry.BracketStop is { } stop) Watch(Exit(request, OrderPurpose.StopLoss, quantity, null, stop,
                    F($"stop loss at {stop} for the part of the bracket entry that filled (watched by the port)")));
                if (entry.BracketTake is { } take) Watch(Exit(request, OrderPurpose.TakeProfit, quantity, take, null,
                    F($"take profit at {take} for the part of the bracket entry that filled (watched by the port)")));
                return;
        }

        decimal Price(OrderType type, decimal value) => request.Symbol.IsCrypto ? value : ExitRouting.EquityPrice(type, value);
    }

    /// <summary>
    /// After a restart: watches again an exit this port kept itself (Alpaca never held it, so it is not at
    /// the broker). The kernel already knows it, so it is not announced again. A trailing stop's high-water
    /// mark starts over from the next bid: the highs seen before the restart were never stored.
    /// </summary>
    public bool ResumeWatchedExit(OrderRequest exit)
    {
        ArgumentNullException.ThrowIfNull(exit);
        if (!ExitRules.IsNamedExit(exit)) return false;
        _commands.Enqueue(_ =>
        {
            _watched.Add(new WatchedExit(exit, exit.Purpose == OrderPurpose.TrailingStop ? exit.TrailingStopPercent : null, 0m, DateTime.MinValue));
            return Task.CompletedTask;
        });
        return true;
    }

    private void Watch(OrderRequest exit, decimal? trailPercent = null, decimal highWater = 0m)
    {
        var now = _brokerClock.Now; // just after the entry's fill was seen: the exit is armed on it
        _watched.Add(new WatchedExit(exit, trailPercent, highWater, now));
        _events.Enqueue(l => l.OnOrderAccepted(exit, now));
    }

    /// <summary>
    /// A bar of <paramref name="symbol"/> has completed: in the next poll, before the bid is looked at, each
    /// entry's watched exits armed by the bar's start are held against its range, stops first, as the simulated
    /// broker holds its orders against a bar; the first reached is sold at market, the others end.
    /// </summary>
    public void OnBar(Symbol symbol, in Bar bar)
    {
        var (start, high, low) = (bar.Timestamp, (decimal)bar.High, (decimal)bar.Low);
        _commands.Enqueue(async ct =>
        {
            foreach (var group in _watched.Where(w => w.Request.Symbol == symbol && w.ArmedAt <= start).GroupBy(w => w.Request.ParentId).ToList())
            {
                var reached = group.OrderBy(w => w.Rank).Where(w => w.ReachedBy(high, low)).ToList(); // every one sees the bar
                if (reached.Count > 0) await SellReachedAsync(group, reached[0], ct).ConfigureAwait(false);
            }
        });
    }

    /// <summary>Checks every watched exit against the bid; the first reached of an entry's exits is sold at market, the others end.</summary>
    private async Task CheckWatchedExitsAsync(CancellationToken ct)
    {
        if (_watched.Count == 0) return;
        Dictionary<Symbol, AlpacaQuote> quotes;
        try
        {
            quotes = await LatestQuotesAsync(_watched.Select(w => w.Request.Symbol).Distinct().ToList(), ct).ConfigureAwait(false);
        }
        catch (Exception ex) when (ex is AlpacaApiException or AlpacaTransportException)
        {
            return; // no quote, no decision: next round
        }
        foreach (var group in _watched.GroupBy(w => w.Request.ParentId).ToList())
        {
            if (!quotes.TryGetValue(group.First().Request.Symbol, out var quote)) continue;
            var reached = group.OrderBy(w => w.Rank).Where(w => w.ReachedBy(quote.BidPrice)).ToList(); // every one sees the bid
            if (reached.Count > 0) await SellReachedAsync(group, reached[0], ct).ConfigureAwait(false);
        }
    }

    /// <summary>Ends an entry's watched exits: <paramref name="first"/> (reached) goes out as a market sell, the others are cancelled.</summary>
    private async Task SellReachedAsync(IEnumerable<WatchedExit> group, WatchedExit first, CancellationToken ct)
    {
        foreach (var exit in group)
        {
            _watched.Remove(exit);
            if (exit != first) Closed(exit.Request, OrderStatus.Canceled, $"one-cancels-other: {first.Request.Purpose} reached");
        }
        await PlaceAsync(new TrackedOrder(first.Request, _time.GetUtcNow()) { IsExit = true, Accepted = true },
            OrderMapping.MarketSell(first.Request, first.Request.Quantity), ct).ConfigureAwait(false);
    }

    private bool CancelWatched(string clientOrderId)
    {
        var exit = _watched.Find(w => w.Request.ClientOrderId == clientOrderId);
        if (exit is null) return false;
        _watched.Remove(exit);
        Closed(exit.Request, OrderStatus.Canceled, "cancelled on request");
        return true;
    }

    /// <summary>Whether any exit of the entry still works: watched here, a leg at Alpaca, or an exit the port sent.</summary>
    private bool HasExits(string entryId) =>
        _watched.Exists(w => w.Request.ParentId == entryId)
        || (_legHolders.TryGetValue(entryId, out var entry) && entry.Legs.Count > 0)
        || _tracked.Values.Any(t => t.IsExit && t.Request.ParentId == entryId);

    /// <summary>
    /// A strategy exits while its entry's exits work: the watched ones end now and Alpaca's are cancelled.
    /// True when some were at Alpaca: the strategy's sell must then wait until they have ended (a leg holds
    /// the shares the sell needs).
    /// </summary>
    private async Task<bool> WithdrawExitsAsync(string entryId, CancellationToken ct)
    {
        foreach (var exit in _watched.Where(w => w.Request.ParentId == entryId).ToList())
        {
            _watched.Remove(exit);
            Closed(exit.Request, OrderStatus.Canceled, StrategyExitsReason);
        }
        var atAlpaca = (_legHolders.GetValueOrDefault(entryId)?.Legs.Values ?? Enumerable.Empty<TrackedOrder>())
            .Concat(_tracked.Values.Where(t => t.IsExit && t.Request.ParentId == entryId)).ToList();
        foreach (var exit in atAlpaca.Where(e => e.AlpacaId is not null))
            await RequestCancelAsync(exit, StrategyExitsReason, ct).ConfigureAwait(false);
        return atAlpaca.Count > 0;
    }

    /// <summary>Sends strategy exits whose entry's exits have ended, for what the account still holds.</summary>
    private async Task ReleaseDeferredExitsAsync(CancellationToken ct)
    {
        foreach (var exit in _deferred.ToList())
        {
            if (HasExits(exit.ParentId!)) continue;
            decimal available;
            try
            {
                var position = await _client.GetPositionAsync(AlpacaSymbols.ToApi(exit.Symbol), ct).ConfigureAwait(false);
                available = position?.QtyAvailable ?? position?.Qty ?? 0m;
            }
            catch (Exception ex) when (ex is AlpacaApiException or AlpacaTransportException)
            {
                continue; // next round
            }
            _deferred.Remove(exit);
            // An exit of the entry may have filled meanwhile: sell only what is left.
            var quantity = Math.Min(exit.Quantity, available);
            if (quantity <= 0)
            {
                Closed(exit, OrderStatus.Canceled, "nothing left to sell: an exit of the entry closed the position first");
                continue;
            }
            await SendAsync(quantity == exit.Quantity ? exit : exit with { Quantity = quantity }, ct).ConfigureAwait(false);
        }
    }

    private static string F(FormattableString text) => text.ToString(CultureInfo.InvariantCulture);
}
