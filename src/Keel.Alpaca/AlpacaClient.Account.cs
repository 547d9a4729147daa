using Keel.Alpaca.Http;
using Keel.Alpaca.Models;

namespace Keel.Alpaca;

// Account, positions, clock, calendar, assets and fill activities.
public sealed partial class AlpacaClient
{
    public async Task<AlpacaAccount> GetAccountAsync(CancellationToken ct = default) =>
        (await _http.GetAsync(Trading, "/v2/account", Json.AlpacaAccount, ct).ConfigureAwait(false))!;

    public async Task<IReadOnlyList<AlpacaPosition>> ListPositionsAsync(CancellationToken ct = default) =>
        (await _http.GetAsync(Trading, "/v2/positions", Json.ListAlpacaPosition, ct).ConfigureAwait(false))!;

    /// <summary>The open position in <paramref name="symbol"/> (either form, <c>BTC/USD</c> or <c>BTCUSD</c>), or null when flat.</summary>
    public Task<AlpacaPosition?> GetPositionAsync(string symbol, CancellationToken ct = default) =>
        _http.GetAsync(Trading, $"/v2/positions/{Segment(AlpacaSymbols.ToPositionKey(symbol))}", Json.AlpacaPosition, ct, nullOnNotFound: true);

    /// <summary>Closes all (or <paramref name="qty"/>, or <paramref name="percentage"/> 0–100) of a position; returns the order placed.</summary>
    public async Task<AlpacaOrder> ClosePositionAsync(string symbol, decimal? qty = null, decimal? percentage = null, CancellationToken ct = default)
    {
        if (qty is not null && percentage is not null)
            throw new ArgumentException("Give qty or percentage, not both.");
        var path = $"/v2/positions/{Segment(AlpacaSymbols.ToPositionKey(symbol))}" + new QueryString().Add("qty", qty).Add("percentage", percentage);
        using var response = await _http.SendAsync(HttpMethod.Delete, Trading, path, null, ct).ConfigureAwait(false);
        return await _http.ReadAsync(response, Json.AlpacaOrder, AlpacaHttp.Describe(HttpMethod.Delete, path), ct).ConfigureAwait(false);
    }

    /// <summary>Closes every position (207 multi-status), optionally cancelling open orders first.</summary>
    public async Task<IReadOnlyList<AlpacaClosePositionResult>> CloseAllPositionsAsync(bool cancelOrders = false, CancellationToken ct = default)
    {
        var path = "/v2/positions" + new QueryString().Add("cancel_orders", cancelOrders);
        using var response = await _http.SendAsync(HttpMethod.Delete, Trading, path, null, ct).ConfigureAwait(false);
        return await _http.ReadAsync(response, Json.ListAlpacaClosePositionResult, AlpacaHttp.Describe(HttpMethod.Delete, path), ct).ConfigureAwait(false);
    }

    public async Task<AlpacaClock> GetClockAsync(CancellationToken ct = default) =>
        (await _http.GetAsync(Trading, "/v2/clock", Json.AlpacaClock, ct).ConfigureAwait(false))!;

    /// <summary>Trading days from <paramref name="start"/> to <paramref name="end"/>, both inclusive; weekends and holidays are left out.</summary>
    public async Task<IReadOnlyList<AlpacaCalendarDay>> GetCalendarAsync(DateOnly start, DateOnly end, CancellationToken ct = default) =>
        (await _http.GetAsync(Trading, "/v2/calendar" + new QueryString().Add("start", start).Add("end", end), Json.ListAlpacaCalendarDay, ct).ConfigureAwait(false))!;

    /// <param name="status">active or inactive; null for all.</param>
    /// <param name="assetClass">us_equity or crypto; null for all.</param>
    public async Task<IReadOnlyList<AlpacaAsset>> ListAssetsAsync(string? status = null, string? assetClass = null, CancellationToken ct = default) =>
        (await _http.GetAsync(Trading, "/v2/assets" + new QueryString().Add("status", status).Add("asset_class", assetClass), Json.ListAlpacaAsset, ct).ConfigureAwait(false))!;

    /// <summary>The asset, or null when Alpaca does not know it.</summary>
    public Task<AlpacaAsset?> GetAssetAsync(string symbolOrId, CancellationToken ct = default) =>
        _http.GetAsync(Trading, $"/v2/assets/{Segment(symbolOrId)}", Json.AlpacaAsset, ct, nullOnNotFound: true);

    /// <summary>One page of FILL activities.</summary>
    public async Task<IReadOnlyList<AlpacaFillActivity>> GetFillActivitiesPageAsync(AlpacaActivityQuery query, CancellationToken ct = default) =>
        (await _http.GetAsync(Trading, ActivitiesPath("FILL", query), Json.ListAlpacaFillActivity, ct).ConfigureAwait(false))!;

    /// <summary>One page of CFEE (crypto fee) activities.</summary>
    public async Task<IReadOnlyList<AlpacaFeeActivity>> GetFeeActivitiesPageAsync(AlpacaActivityQuery query, CancellationToken ct = default) =>
        (await _http.GetAsync(Trading, ActivitiesPath("CFEE", query), Json.ListAlpacaFeeActivity, ct).ConfigureAwait(false))!;

    private static string ActivitiesPath(string type, AlpacaActivityQuery query)
    {
        ArgumentNullException.ThrowIfNull(query);
        return $"/v2/account/activities/{type}" + new QueryString()
            .Add("after", query.After).Add("until", query.Until)
            .Add("direction", AlpacaEnumName(query.Direction))
            .Add("page_size", query.PageSize)
            .Add("page_token", query.PageToken);
    }

    /// <summary>Every FILL activity matching <paramref name="query"/>, page after page (each page continues from the last id).</summary>
    public async IAsyncEnumerable<AlpacaFillActivity> GetFillActivitiesAsync(
        AlpacaActivityQuery query, [System.Runtime.CompilerServices.EnumeratorCancellation] CancellationToken ct = default)
    {
        ArgumentNullException.ThrowIfNull(query);
        while (true)
        {
            var page = await GetFillActivitiesPageAsync(query, ct).ConfigureAwait(false);
            foreach (var activity in page) yield return activity;
            if (page.Count < query.PageSize || page.Count == 0) yield break;
            query = query with { PageToken = page[^1].Id };
        }
    }

    internal static string AlpacaEnumName<TEnum>(TEnum value) where TEnum : struct, Enum =>
        Keel.Alpaca.Json.AlpacaEnumConverter<TEnum>.Name(value);
}
