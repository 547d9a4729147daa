using System.Collections.Concurrent;
using System.Globalization;
using Keel.Alpaca.Models;
using Keel.Alpaca.Streaming;
using Keel.Core.Trading;

namespace Keel.Alpaca.Execution;

/// <summary>
/// The kernel's execution port on Alpaca. <see cref="Submit"/> and <see cref="Cancel"/> only queue work;
/// <see cref="PollOnceAsync"/> (called in a loop by <see cref="RunAsync"/>) sends queued orders, polls
/// the open ones, applies fills as they come (partial fills included), cancels entries and exits that stay
/// unfilled past <see cref="AlpacaExecutionOptions.FillTimeout"/>, and carries out the exits entries ask
/// for (see <see cref="ExitRoute"/>). What happened is handed to the listener by <see cref="DispatchEvents"/>,
/// which the kernel calls on its own thread.
/// </summary>
public sealed partial class AlpacaExecutionPort : ILiveExecutionPort
{
    private readonly AlpacaClient _client;
    private readonly TimeProvider _time;
    private readonly AlpacaExecutionOptions _options;
    private readonly ConcurrentQueue<Func<CancellationToken, Task>> _commands = new();
    private readonly ConcurrentQueue<Action<IExecutionListener>> _events = new();
    private readonly Dictionary<string, TrackedOrder> _tracked = new(StringComparer.Ordinal);
    private readonly ConcurrentDictionary<string, byte> _submittedIds = new(StringComparer.Ordinal);
    private readonly SemaphoreSlim _pollGate = new(1, 1);
    private readonly BrokerClock _brokerClock;
    private IExecutionListener? _listener;

    /// <param name="stream">The trade-updates stream to learn of changes from as they happen; polling alone when null.</param>
    public AlpacaExecutionPort(AlpacaClient client, TimeProvider time, AlpacaExecutionOptions? options = null, AlpacaTradeStream? stream = null)
    {
        ArgumentNullException.ThrowIfNull(client);
        ArgumentNullException.ThrowIfNull(time);
        _client = client;
        _time = time;
        _brokerClock = new BrokerClock(time);
        _options = options ?? new AlpacaExecutionOptions();
        _options.Validate();
        _stream = stream;
    }

    public void Attach(IExecutionListener listener) => _listener = listener;

    /// <summary>Orders sent and not yet final, open bracket legs, exits the port watches, and exits waiting to be sent.</summary>
    public int WorkingCount
    {
        get
        {
            _pollGate.Wait();
            try { return _tracked.Count + _legHolders.Values.Sum(e => e.Legs.Count) + _watched.Count + _deferred.Count; }
            finally { _pollGate.Release(); }
        }
    }

    public void Submit(OrderRequest order)
    {
        ArgumentNullException.ThrowIfNull(order);
        // Alpaca would answer a used id with the existing order, and its fills would be reported twice.
        if (!_submittedIds.TryAdd(order.ClientOrderId, 0)) return;
        _commands.Enqueue(ct => SendAsync(order, ct));
    }

    public void Cancel(string clientOrderId) => _commands.Enqueue(ct => CancelAsync(clientOrderId, ct));

    /// <summary>Delivers what happened since the last call to the listener, on the caller's thread. Returns how many events.</summary>
    public int DispatchEvents()
    {
        var listener = _listener ?? throw new InvalidOperationException("Attach a listener before dispatching events.");
        var count = 0;
        while (_events.TryDequeue(out var deliver))
        {
            deliver(listener);
            count++;
        }
        return count;
    }

    /// <summary>
    /// Runs rounds until cancelled: after each, waits <see cref="AlpacaExecutionOptions.PollInterval"/> (on the
    /// injected clock) or until the trade-updates stream brings something, whichever comes first. With a
    /// stream, it is kept connected alongside (see <see cref="RunStreamAsync"/>).
    /// </summary>
    public async Task RunAsync(CancellationToken ct)
    {
        var streaming = _stream is null ? Task.CompletedTask : RunStreamAsync(ct);
        try
        {
            while (!ct.IsCancellationRequested)
            {
                await PollOnceAsync(ct).ConfigureAwait(false);
                await Task.WhenAny(Task.Delay(_options.PollInterval, _time, ct), StreamActivity.WaitAsync(ct)).ConfigureAwait(false);
            }
        }
        finally
        {
            try { await streaming.ConfigureAwait(false); }
            catch (OperationCanceledException) { /* stopping */ }
        }
    }

    /// <summary>
    /// One round: queued submissions and cancels, what the stream reported, then (every round when polling,
    /// every <see cref="AlpacaExecutionOptions.StreamReconcileInterval"/> when streaming) every working order
    /// and bracket leg is read over REST, orders past <see cref="AlpacaExecutionOptions.FillTimeout"/> are
    /// cancelled, watched exits are checked against the quote, and strategy exits waiting for exits to end are sent.
    /// </summary>
    public async Task PollOnceAsync(CancellationToken ct = default)
    {
        await _pollGate.WaitAsync(ct).ConfigureAwait(false);
        try
        {
            await RunCommandsAsync(ct).ConfigureAwait(false);
            ApplyStreamUpdates();
            if (ReconcileDue())
            {
                foreach (var tracked in _tracked.Values.ToList()) await RefreshAsync(tracked, ct).ConfigureAwait(false);
                await RefreshLegsOfFinishedEntriesAsync(ct).ConfigureAwait(false);
            }
            await CancelOverdueAsync(ct).ConfigureAwait(false);
            await CheckWatchedExitsAsync(ct).ConfigureAwait(false);
            await ReleaseDeferredExitsAsync(ct).ConfigureAwait(false);
            // What this round queued (an exit armed by a fill it saw) goes out in this round, not a poll later.
            await RunCommandsAsync(ct).ConfigureAwait(false);
        }
        finally
        {
            _pollGate.Release();
        }
    }

    private async Task RunCommandsAsync(CancellationToken ct)
    {
        while (_commands.TryDequeue(out var command)) await command(ct).ConfigureAwait(false);
    }

    private async Task SendAsync(OrderRequest request, CancellationToken ct)
    {
        // A strategy's own exit must wait for the entry's exits to end: their legs hold the shares it would sell.
        if (request.Side == OrderSide.Sell && request.ParentId is { } entryId && HasExits(entryId)
            && await WithdrawExitsAsync(entryId, ct).ConfigureAwait(false))
        {
            _deferred.Add(request);
            return;
        }

        var route = ExitRouting.For(request);
        var bracketBase = route == ExitRoute.Bracket ? await BracketBaseAsync(request, ct).ConfigureAwait(false) : null;
        var (order, refusal) = OrderMapping.ToAlpaca(request, route, bracketBase);
        if (order is null)
        {
            Closed(request, OrderStatus.Rejected, refusal!);
            return;
        }
        if (request.Symbol.IsCrypto && await CryptoNotionalRefusalAsync(request, ct).ConfigureAwait(false) is { } tooSmall)
        {
            Closed(request, OrderStatus.Rejected, tooSmall);
            return;
        }

        var tracked = new TrackedOrder(request, _time.GetUtcNow())
        {
            Route = route,
            BracketStop = order.StopLoss?.StopPrice,
            BracketTake = order.TakeProfit?.LimitPrice,
        };
        await PlaceAsync(tracked, order, ct).ConfigureAwait(false);
    }

    /// <summary>Sends <paramref name="order"/> for <paramref name="tracked"/> and follows it; a refusal closes it with Alpaca's words.</summary>
    private async Task PlaceAsync(TrackedOrder tracked, AlpacaNewOrder order, CancellationToken ct)
    {
        var request = tracked.Request;
        try
        {
            var placed = await _client.SubmitOrderAsync(order, ct).ConfigureAwait(false);
            _tracked[request.ClientOrderId] = tracked;
            Apply(tracked, placed);
        }
        catch (AlpacaApiException ex)
        {
            Closed(request, OrderStatus.Rejected, $"Alpaca refused the order: {ex.ApiMessage} (HTTP {(int)ex.HttpStatus}, code {ex.Code})");
        }
        catch (AlpacaOrderStateUnknownException)
        {
            // Not known whether Alpaca has it: keep watching by client order id; never send a second id.
            _tracked[request.ClientOrderId] = tracked;
        }
    }

    /// <summary>Alpaca paper refuses small crypto orders; skip them here with a reason instead of sending.</summary>
    private async Task<string?> CryptoNotionalRefusalAsync(OrderRequest request, CancellationToken ct)
    {
        if (_options.CryptoMinimumNotional <= 0) return null;
        decimal? price;
        try
        {
            price = request.LimitPrice ?? request.StopPrice ?? request.ReferencePrice ?? await TouchAsync(request.Symbol, request.Side, ct).ConfigureAwait(false);
        }
        catch (Exception ex) when (ex is AlpacaApiException or AlpacaTransportException)
        {
            return null; // no quote to judge by: let Alpaca decide
        }
        if (price is not { } p || p <= 0) return null; // no price to judge by: let Alpaca decide
        var notional = request.Quantity * p;
        return notional < _options.CryptoMinimumNotional
            ? string.Create(CultureInfo.InvariantCulture,
                $"notional {notional:0.00} is under the crypto minimum of {_options.CryptoMinimumNotional:0.00}; order skipped")
            : null;
    }

    /// <summary>The latest ask (buys) or bid (sells), or null when there is no quote.</summary>
    private async Task<decimal?> TouchAsync(Keel.Core.Domain.Symbol symbol, OrderSide side, CancellationToken ct)
    {
        var quotes = await LatestQuotesAsync([symbol], ct).ConfigureAwait(false);
        if (!quotes.TryGetValue(symbol, out var quote)) return null;
        return side == OrderSide.Buy ? quote.AskPrice : quote.BidPrice;
    }

    private async Task<Dictionary<Keel.Core.Domain.Symbol, AlpacaQuote>> LatestQuotesAsync(IReadOnlyCollection<Keel.Core.Domain.Symbol> symbols, CancellationToken ct)
    {
        var result = new Dictionary<Keel.Core.Domain.Symbol, AlpacaQuote>();
        var crypto = symbols.Where(s => s.IsCrypto).ToList();
        var stocks = symbols.Where(s => !s.IsCrypto).ToList();
        if (crypto.Count > 0)
        {
            var quotes = await _client.GetLatestCryptoQuotesAsync(crypto.Select(AlpacaSymbols.ToApi).ToList(), ct).ConfigureAwait(false);
            foreach (var symbol in crypto)
                if (quotes.TryGetValue(AlpacaSymbols.ToApi(symbol), out var quote)) result[symbol] = quote;
        }
        if (stocks.Count > 0)
        {
            var quotes = await _client.GetLatestStockQuotesAsync(stocks.Select(AlpacaSymbols.ToApi).ToList(), ct: ct).ConfigureAwait(false);
            foreach (var symbol in stocks)
                if (quotes.TryGetValue(AlpacaSymbols.ToApi(symbol), out var quote)) result[symbol] = quote;
        }
        return result;
    }

    private async Task CancelAsync(string clientOrderId, CancellationToken ct)
    {
        if (CancelWatched(clientOrderId)) return;
        var tracked = _tracked.GetValueOrDefault(clientOrderId) ?? FindLeg(clientOrderId);
        if (tracked?.AlpacaId is null) return;
        await RequestCancelAsync(tracked, "cancelled on request", ct).ConfigureAwait(false);
    }

    private async Task RefreshAsync(TrackedOrder tracked, CancellationToken ct)
    {
        AlpacaOrder? order;
        try
        {
            // A bracket entry is read with its legs, so one request follows the whole group.
            order = tracked.AlpacaId is { } id
                ? await _client.GetOrderAsync(id, nested: tracked.Route == ExitRoute.Bracket, ct).ConfigureAwait(false)
                : await _client.GetOrderByClientOrderIdAsync(tracked.Request.ClientOrderId, ct).ConfigureAwait(false);
        }
        catch (Exception ex) when (ex is AlpacaApiException or AlpacaTransportException)
        {
            return; // try again next round
        }

        if (order is null)
        {
            // The lost submission never reached Alpaca; give up once the order would have timed out anyway.
            if (_time.GetUtcNow() - tracked.SentAt >= _options.FillTimeout)
            {
                _tracked.Remove(tracked.Request.ClientOrderId);
                Closed(tracked.Request, OrderStatus.Rejected, "the submission's answer was lost and Alpaca has no such order");
            }
            return;
        }

        Apply(tracked, order);
    }

    /// <summary>Entries and strategy exits still working past the fill timeout are cancelled (exits of entries never are).</summary>
    private async Task CancelOverdueAsync(CancellationToken ct)
    {
        var now = _time.GetUtcNow();
        foreach (var tracked in _tracked.Values.Where(t => !t.IsExit && !t.CancelRequested && t.AlpacaId is not null).ToList())
        {
            if (now - tracked.SentAt < _options.FillTimeout) continue;
            await RequestCancelAsync(tracked,
                string.Create(CultureInfo.InvariantCulture, $"not filled within {_options.FillTimeout.TotalSeconds:0} s; cancelled"), ct).ConfigureAwait(false);
        }
    }

    private async Task RequestCancelAsync(TrackedOrder tracked, string reason, CancellationToken ct)
    {
        if (tracked.CancelRequested) return;
        try
        {
            await _client.CancelOrderAsync(tracked.AlpacaId!, ct).ConfigureAwait(false);
            tracked.CancelRequested = true;
            tracked.CancelReason = reason;
        }
        catch (AlpacaApiException ex) when ((int)ex.HttpStatus == 422)
        {
            // Already final (most likely filled in the meantime): the next refresh reports it.
        }
        catch (Exception ex) when (ex is AlpacaApiException or AlpacaTransportException)
        {
            // Try again next round.
        }
    }

    /// <summary>Reports what changed in <paramref name="order"/>: acceptance, new fills, and the end of its life.</summary>
    private void Apply(TrackedOrder tracked, AlpacaOrder order)
    {
        var request = tracked.Request;
        tracked.AlpacaId ??= order.Id;
        // A leg still held (or ended while held) is no order the kernel needs to hear about.
        if (tracked.IsLeg && !tracked.Accepted && (order.Status == AlpacaOrderStatus.Held || (order.IsFinal && order.FilledQty == 0)))
            return;
        // Every event of an order Alpaca holds is stamped with Alpaca's times, not this machine's.
        _brokerClock.Observe(order.UpdatedAt ?? order.SubmittedAt);
        var now = _brokerClock.Now;
        if (!tracked.Accepted && order.Status != AlpacaOrderStatus.Rejected)
        {
            tracked.Accepted = true;
            var accepted = (order.SubmittedAt ?? order.CreatedAt)?.UtcDateTime ?? now;
            _events.Enqueue(l => l.OnOrderAccepted(request, accepted));
        }
        if (tracked.TakeNewFill(order) is { } fill)
        {
            var time = (order.FilledAt ?? order.UpdatedAt)?.UtcDateTime ?? now;
            var (quantity, commission) = request.Symbol.IsCrypto
                ? CryptoFee.Apply(request.Side, fill.FilledBefore, fill.Qty, fill.Price, _options.CryptoFeeRate)
                : (fill.Qty, 0m);
            tracked.ReceivedQty += quantity;
            var reported = new Fill(request.ClientOrderId, request.Strategy, request.Symbol, request.Side, request.Purpose,
                quantity, fill.Price, commission, Slippage: 0m, time);
            _events.Enqueue(l => l.OnFill(reported));
        }
        if (tracked.Route == ExitRoute.Bracket) ApplyLegs(tracked, order);
        if (!order.IsFinal) return;
        _tracked.Remove(request.ClientOrderId);
        if (tracked.ReceivedQty > 0 && request.Purpose == OrderPurpose.Entry) ArmExitsAfterFill(tracked, order);
        var ended = (order.CanceledAt ?? order.ExpiredAt ?? order.FailedAt ?? order.FilledAt ?? order.UpdatedAt)?.UtcDateTime;
        switch (order.Status)
        {
            case AlpacaOrderStatus.Filled:
                // A crypto buy brings in less coin than it ordered (Alpaca's fee): say it is done, or a
                // journal that sums the fills would keep waiting for the rest.
                if (tracked.ReceivedQty < order.FilledQty)
                    Closed(request, OrderStatus.Filled, string.Create(CultureInfo.InvariantCulture,
                        $"filled {order.FilledQty}; {tracked.ReceivedQty} received after Alpaca's fee in coin"), ended);
                return;
            case AlpacaOrderStatus.Rejected:
                Closed(request, OrderStatus.Rejected, "Alpaca rejected the order after accepting it", ended);
                return;
            case AlpacaOrderStatus.Expired:
                Closed(request, OrderStatus.Canceled, "expired at the end of its time in force", ended);
                return;
            default:
                Closed(request, OrderStatus.Canceled, tracked.CancelReason ?? $"Alpaca reports the order {order.Status.ToString().ToLowerInvariant()}", ended);
                return;
        }
    }

    /// <param name="brokerTime">When Alpaca ended it; the broker's clock as last seen when the port ended it itself.</param>
    private void Closed(OrderRequest request, OrderStatus status, string reason, DateTime? brokerTime = null)
    {
        var time = brokerTime ?? _brokerClock.Now;
        _events.Enqueue(l => l.OnOrderClosed(request, status, reason, time));
    }

    /// <summary>
    /// Takes over an order sent before a restart: the port watches it again as if it had sent it and
    /// reports only what goes beyond <paramref name="recorded"/>, the fills the store already holds for it
    /// (a crypto buy's fills are the coin received: the fee in coin is added back to compare with Alpaca's
    /// filled quantity). Its id is never sent again.
    /// </summary>
    public void Adopt(OrderRequest order, string? brokerOrderId, bool acceptanceRecorded, IReadOnlyList<Fill> recorded)
    {
        ArgumentNullException.ThrowIfNull(order);
        ArgumentNullException.ThrowIfNull(recorded);
        if (!_submittedIds.TryAdd(order.ClientOrderId, 0)) return;
        decimal filled = 0, notional = 0, received = 0;
        foreach (var fill in recorded)
        {
            var gross = order.Symbol.IsCrypto && fill.Side == OrderSide.Buy && fill.Price > 0 ? fill.Quantity + fill.Commission / fill.Price : fill.Quantity;
            filled += gross;
            notional += gross * fill.Price;
            received += fill.Quantity;
        }
        var tracked = new TrackedOrder(order, _time.GetUtcNow())
        {
            AlpacaId = brokerOrderId,
            Accepted = acceptanceRecorded,
            ReportedQty = filled,
            ReportedNotional = notional,
            ReceivedQty = received,
        };
        _commands.Enqueue(_ =>
        {
            _tracked[order.ClientOrderId] = tracked;
            return Task.CompletedTask;
        });
    }
}
