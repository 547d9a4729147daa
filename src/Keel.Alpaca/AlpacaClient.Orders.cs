using Keel.Alpaca.Http;
using Keel.Alpaca.Models;

namespace Keel.Alpaca;

// Orders: submit (idempotent through the client order id), look up, list with paging, cancel.
public sealed partial class AlpacaClient
{
    /// <summary>
    /// Sends an order exactly once, as far as Alpaca can tell. POST /v2/orders is never retried blindly:
    /// when the answer is lost (timeout, dropped connection) the order is looked up by its client order
    /// id and returned if it exists; otherwise it is sent once more with the same id, and a "client_order_id
    /// must be unique" answer then means it exists, so it is fetched. An id already used by an order for
    /// the same symbol and side returns that order (a re-made decision is recognised, not duplicated).
    /// A client order id is generated when the request has none.
    /// </summary>
    /// <exception cref="AlpacaApiException">Alpaca refused the order (validation, buying power, ...).</exception>
    /// <exception cref="AlpacaOrderStateUnknownException">The outcome was lost and could not be established.</exception>
    public async Task<AlpacaOrder> SubmitOrderAsync(AlpacaNewOrder order, CancellationToken ct = default)
    {
        ArgumentNullException.ThrowIfNull(order);
        if ((order.Qty is null) == (order.Notional is null))
            throw new ArgumentException("An order needs exactly one of qty and notional.", nameof(order));
        if (string.IsNullOrEmpty(order.ClientOrderId))
            order = order with { ClientOrderId = Guid.NewGuid().ToString("N") };
        var clientOrderId = order.ClientOrderId!;

        try
        {
            return await PostOrderAsync(order, ct).ConfigureAwait(false);
        }
        catch (AlpacaApiException ex) when (ex.IsDuplicateClientOrderId)
        {
            var existing = await GetOrderByClientOrderIdAsync(clientOrderId, ct).ConfigureAwait(false);
            if (existing is not null && SameIntent(existing, order)) return existing;
            throw;
        }
        catch (AlpacaTransportException lost)
        {
            Log.SubmitOutcomeLost(_logger, clientOrderId, lost.Message);
            return await RecoverLostSubmitAsync(order, lost, ct).ConfigureAwait(false);
        }
    }

    private async Task<AlpacaOrder> RecoverLostSubmitAsync(AlpacaNewOrder order, AlpacaTransportException lost, CancellationToken ct)
    {
        var clientOrderId = order.ClientOrderId!;
        AlpacaOrder? existing;
        try
        {
            existing = await GetOrderByClientOrderIdAsync(clientOrderId, ct).ConfigureAwait(false);
        }
        catch (Exception ex) when (ex is AlpacaTransportException or AlpacaApiException)
        {
            throw new AlpacaOrderStateUnknownException(clientOrderId, ex);
        }
        if (existing is not null)
        {
            Log.SubmitRecovered(_logger, clientOrderId, existing.Status.ToString());
            return existing;
        }

        Log.Resubmitting(_logger, clientOrderId);
        try
        {
            return await PostOrderAsync(order, ct).ConfigureAwait(false);
        }
        catch (AlpacaApiException ex) when (ex.IsDuplicateClientOrderId)
        {
            return await GetOrderByClientOrderIdAsync(clientOrderId, ct).ConfigureAwait(false)
                   ?? throw new AlpacaOrderStateUnknownException(clientOrderId, ex);
        }
        catch (AlpacaTransportException again)
        {
            throw new AlpacaOrderStateUnknownException(clientOrderId, new AggregateException(lost, again));
        }
    }

    private async Task<AlpacaOrder> PostOrderAsync(AlpacaNewOrder order, CancellationToken ct)
    {
        const string path = "/v2/orders";
        using var response = await _http.SendAsync(HttpMethod.Post, Trading, path,
            AlpacaHttp.JsonContent(order, Json.AlpacaNewOrder), ct).ConfigureAwait(false);
        return await _http.ReadAsync(response, Json.AlpacaOrder, "POST " + path, ct).ConfigureAwait(false);
    }

    private static bool SameIntent(AlpacaOrder existing, AlpacaNewOrder order) =>
        existing.Side == order.Side
        && string.Equals(AlpacaSymbols.ToPositionKey(existing.Symbol), AlpacaSymbols.ToPositionKey(order.Symbol), StringComparison.Ordinal);

    public async Task<AlpacaOrder> GetOrderAsync(string orderId, bool nested = false, CancellationToken ct = default) =>
        (await _http.GetAsync(Trading, $"/v2/orders/{Segment(orderId)}" + new QueryString().Add("nested", nested ? true : null),
            Json.AlpacaOrder, ct).ConfigureAwait(false))!;

    /// <summary>The order with this client order id, or null when there is none.</summary>
    public Task<AlpacaOrder?> GetOrderByClientOrderIdAsync(string clientOrderId, CancellationToken ct = default) =>
        _http.GetAsync(Trading, "/v2/orders:by_client_order_id" + new QueryString().Add("client_order_id", clientOrderId),
            Json.AlpacaOrder, ct, nullOnNotFound: true);

    /// <summary>One page of orders (at most 500).</summary>
    public async Task<IReadOnlyList<AlpacaOrder>> ListOrdersPageAsync(AlpacaOrderQuery query, CancellationToken ct = default)
    {
        ArgumentNullException.ThrowIfNull(query);
        var path = "/v2/orders" + new QueryString()
            .Add("status", query.Status)
            .Add("limit", query.Limit)
            .Add("after", query.After)
            .Add("until", query.Until)
            .Add("direction", AlpacaEnumName(query.Direction))
            .Add("nested", query.Nested ? true : null)
            .Add("side", query.Side is { } side ? AlpacaEnumName(side) : null)
            .Add("symbols", query.Symbols is { Count: > 0 } symbols ? string.Join(',', symbols) : null);
        return (await _http.GetAsync(Trading, path, Json.ListAlpacaOrder, ct).ConfigureAwait(false))!;
    }

    /// <summary>
    /// Every order matching <paramref name="query"/>. Alpaca has no page token, so each next page moves
    /// <c>until</c> (descending) or <c>after</c> (ascending) to the last submission time seen. The bound is
    /// first widened by one tick so orders sharing that timestamp are not lost (ids already returned are
    /// skipped); when such a page brings nothing new, the exact, exclusive bound moves past that timestamp.
    /// </summary>
    public async IAsyncEnumerable<AlpacaOrder> ListOrdersAsync(
        AlpacaOrderQuery query, [System.Runtime.CompilerServices.EnumeratorCancellation] CancellationToken ct = default)
    {
        ArgumentNullException.ThrowIfNull(query);
        var seen = new HashSet<string>(StringComparer.Ordinal);
        var widen = true;
        while (true)
        {
            var page = await ListOrdersPageAsync(query, ct).ConfigureAwait(false);
            var fresh = 0;
            foreach (var order in page)
            {
                if (!seen.Add(order.Id)) continue;
                fresh++;
                yield return order;
            }
            if (page.Count < query.Limit) yield break;
            if (fresh == 0)
            {
                if (!widen) yield break;
                widen = false;
            }
            else
            {
                widen = true;
            }
            var last = page[^1].SubmittedAt ?? page[^1].CreatedAt
                ?? throw new InvalidOperationException($"Order {page[^1].Id} has no submission time to page from.");
            var nudge = widen ? 1 : 0;
            query = query.Direction == AlpacaSortDirection.Asc
                ? query with { After = last.AddTicks(-nudge) }
                : query with { Until = last.AddTicks(nudge) };
        }
    }

    /// <summary>
    /// Replaces a working order (PATCH, sent once): Alpaca answers with the new order, whose <c>replaces</c> is
    /// the old id; the old order becomes <c>replaced</c>. Give the new order a client order id to find it again
    /// if the answer is lost.
    /// </summary>
    /// <exception cref="AlpacaApiException">404 unknown order; 422 not open, or the new values are refused.</exception>
    public async Task<AlpacaOrder> ReplaceOrderAsync(string orderId, AlpacaReplaceOrder replacement, CancellationToken ct = default)
    {
        ArgumentNullException.ThrowIfNull(replacement);
        var path = $"/v2/orders/{Segment(orderId)}";
        using var response = await _http.SendAsync(HttpMethod.Patch, Trading, path,
            AlpacaHttp.JsonContent(replacement, Json.AlpacaReplaceOrder), ct).ConfigureAwait(false);
        return await _http.ReadAsync(response, Json.AlpacaOrder, "PATCH /v2/orders/{id}", ct).ConfigureAwait(false);
    }

    /// <summary>Asks Alpaca to cancel (retried like a read: a second cancel of an order asks nothing new); 204 means the request was taken.</summary>
    /// <exception cref="AlpacaApiException">404 unknown order; 422 already final.</exception>
    public async Task CancelOrderAsync(string orderId, CancellationToken ct = default)
    {
        var path = $"/v2/orders/{Segment(orderId)}";
        using var response = await _http.SendAsync(HttpMethod.Delete, Trading, path, null, ct).ConfigureAwait(false);
        await _http.ThrowIfErrorAsync(response, "DELETE /v2/orders/{id}", ct).ConfigureAwait(false);
    }

    /// <summary>Cancels every open order; one result per order (status 200, or an error body).</summary>
    public async Task<IReadOnlyList<AlpacaCancelResult>> CancelAllOrdersAsync(CancellationToken ct = default)
    {
        using var response = await _http.SendAsync(HttpMethod.Delete, Trading, "/v2/orders", null, ct).ConfigureAwait(false);
        return await _http.ReadAsync(response, Json.ListAlpacaCancelResult, "DELETE /v2/orders", ct).ConfigureAwait(false);
    }
}
