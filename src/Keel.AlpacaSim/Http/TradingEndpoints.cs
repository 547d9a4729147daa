using System.Text.Json;
using Keel.Alpaca.Json;
using Keel.Alpaca.Models;
using Keel.AlpacaSim.Data;
using Keel.AlpacaSim.Faults;
using Keel.AlpacaSim.Market;
using Keel.AlpacaSim.Trading;

namespace Keel.AlpacaSim.Http;

/// <summary>The trading API: /v2/account, orders, positions, clock, calendar, assets, activities.</summary>
internal static class TradingEndpoints
{
    private static AlpacaJsonContext Json => AlpacaJsonContext.Default;

    public static void Map(WebApplication app, SimBroker broker, SimClock clock, MarketHours hours, AssetCatalog assets, SimFaults faults)
    {
        app.MapGet("/v2/account", () => ApiResults.Ok(broker.Account(), Json.AlpacaAccount));

        MapOrders(app, broker, faults);
        MapPositions(app, broker);

        app.MapGet("/v2/clock", () =>
        {
            var now = clock.GetUtcNow();
            return ApiResults.Ok(new AlpacaClock
            {
                Timestamp = MarketHours.ToEastern(now),
                IsOpen = hours.IsOpen(now),
                NextOpen = MarketHours.ToEastern(hours.NextOpen(now)),
                NextClose = MarketHours.ToEastern(hours.NextClose(now)),
            }, Json.AlpacaClock);
        });

        app.MapGet("/v2/calendar", (HttpRequest request) =>
        {
            var query = new QueryValues(request);
            var today = DateOnly.FromDateTime(MarketHours.ToEastern(clock.GetUtcNow()).DateTime);
            var start = query.Date("start") ?? today;
            var end = query.Date("end") ?? start.AddDays(30);
            if (query.Problem is { } problem) return ApiResults.Invalid(problem);
            var days = new List<AlpacaCalendarDay>();
            for (var date = start; date <= end && days.Count < 10_000; date = date.AddDays(1))
            {
                if (hours.Calendar.RegularSession(date) is { } session)
                    days.Add(new AlpacaCalendarDay
                    {
                        Date = date, Open = session.Open, Close = session.Close,
                        SessionOpen = MarketHours.ExtendedOpen, SessionClose = MarketHours.ExtendedClose,
                    });
            }
            return ApiResults.Ok(days, Json.ListAlpacaCalendarDay);
        });

        app.MapGet("/v2/assets", (HttpRequest request) =>
        {
            var query = new QueryValues(request);
            var status = query.Text("status");
            var assetClass = query.Text("asset_class");
            var list = assets.All().Where(a =>
                (status is null || string.Equals(a.Status, status, StringComparison.OrdinalIgnoreCase))
                && (assetClass is null || string.Equals(AlpacaEnumConverter<AlpacaAssetClass>.Name(a.AssetClass), assetClass, StringComparison.OrdinalIgnoreCase)))
                .ToList();
            return ApiResults.Ok(list, Json.ListAlpacaAsset);
        });

        // A catch-all so that crypto pairs with their slash (BTC/USD) reach the handler.
        app.MapGet("/v2/assets/{**symbolOrId}", (string symbolOrId) =>
            assets.Find(Uri.UnescapeDataString(symbolOrId)) is { } asset
                ? ApiResults.Ok(asset, Json.AlpacaAsset)
                : ApiResults.Error(SimError.NotFound("asset not found")));

        app.MapGet("/v2/account/activities/{type}", (string type, HttpRequest request) => Activities(broker, request, [type]));
        app.MapGet("/v2/account/activities", (HttpRequest request) =>
            Activities(broker, request, new QueryValues(request).List("activity_types") ?? ["FILL"]));
    }

    private static IResult Activities(SimBroker broker, HttpRequest request, IReadOnlyList<string> types)
    {
        var query = new QueryValues(request);
        var date = query.Date("date");
        var after = query.Time("after") ?? (date is { } d ? MarketHours.AtEastern(d, TimeOnly.MinValue).AddTicks(-1) : null);
        var until = query.Time("until") ?? (date is { } e ? MarketHours.AtEastern(e.AddDays(1), TimeOnly.MinValue) : null);
        var direction = query.OneOf("direction", "desc", "asc", "desc");
        var pageSize = query.Int("page_size", 100, 1, 100);
        if (query.Problem is { } problem) return ApiResults.Invalid(problem);
        bool Wants(string type) => types.Any(t => string.Equals(t, type, StringComparison.OrdinalIgnoreCase));
        // One kind per answer: FILL when asked for (with or without others), else CFEE, else nothing.
        if (!Wants("FILL") && Wants("CFEE"))
            return ApiResults.Ok(broker.FeeActivities(after, until, direction == "asc", pageSize, query.Text("page_token")).ToList(), Json.ListAlpacaFeeActivity);
        if (!Wants("FILL"))
            return ApiResults.Ok(new List<AlpacaFillActivity>(), Json.ListAlpacaFillActivity);
        var page = broker.Activities(after, until, direction == "asc", pageSize, query.Text("page_token"));
        return ApiResults.Ok(page.ToList(), Json.ListAlpacaFillActivity);
    }

    private static void MapOrders(WebApplication app, SimBroker broker, SimFaults faults)
    {
        app.MapPost("/v2/orders", async (HttpContext context) =>
        {
            AlpacaNewOrder? request;
            try
            {
                request = await JsonSerializer.DeserializeAsync(context.Request.Body, Json.AlpacaNewOrder, context.RequestAborted);
            }
            catch (JsonException ex)
            {
                return ApiResults.Invalid($"invalid order request: {ex.Message}");
            }
            if (request is null) return ApiResults.Invalid("request body is required");
            var (order, error) = broker.Submit(request);
            if (error is not null) return ApiResults.Error(error);
            if (faults.TakeDropOrderResponse())
            {
                // The order stands, but the client never hears so: the idempotency case (the middleware drops the connection).
                context.Items[SimMiddleware.DropAnswerKey] = true;
                return Results.Empty;
            }
            return ApiResults.Ok(order!, Json.AlpacaOrder);
        });

        app.MapGet("/v2/orders", (HttpRequest request) =>
        {
            var query = new QueryValues(request);
            var status = query.OneOf("status", "open", "open", "closed", "all");
            var limit = query.Int("limit", 50, 1, 500);
            var after = query.Time("after");
            var until = query.Time("until");
            var direction = query.OneOf("direction", "desc", "asc", "desc");
            var sideText = query.Text("side");
            AlpacaOrderSide? side = null;
            if (sideText is not null)
            {
                if (AlpacaEnumConverter<AlpacaOrderSide>.TryParse(sideText, out var parsed)) side = parsed;
                else return ApiResults.Invalid($"invalid side: '{sideText}'");
            }
            if (query.Problem is { } problem) return ApiResults.Invalid(problem);
            var orders = broker.Orders(status, after, until, direction == "asc", limit, query.Bool("nested"), side, query.List("symbols"));
            return ApiResults.Ok(orders.ToList(), Json.ListAlpacaOrder);
        });

        // The colon is a literal part of Alpaca's path.
        app.MapGet("/v2/orders:by_client_order_id", (HttpRequest request) =>
        {
            var clientOrderId = new QueryValues(request).Text("client_order_id");
            if (clientOrderId is null) return ApiResults.Invalid("client_order_id is required");
            return broker.OrderByClientId(clientOrderId) is { } order
                ? ApiResults.Ok(order, Json.AlpacaOrder)
                : ApiResults.Error(SimError.NotFound("order not found"));
        });

        app.MapGet("/v2/orders/{id}", (string id, HttpRequest request) =>
            broker.Order(id, new QueryValues(request).Bool("nested")) is { } order
                ? ApiResults.Ok(order, Json.AlpacaOrder)
                : ApiResults.Error(SimError.NotFound("order not found")));

        app.MapDelete("/v2/orders/{id}", (string id) =>
            broker.Cancel(id) is { } error ? ApiResults.Error(error) : Results.NoContent());

        app.MapDelete("/v2/orders", () => ApiResults.Ok(broker.CancelAll().ToList(), Json.ListAlpacaCancelResult, status: 207));

        app.MapMethods("/v2/orders/{id}", ["PATCH"], async (string id, HttpContext context) =>
        {
            AlpacaReplaceOrder? change;
            try
            {
                change = await JsonSerializer.DeserializeAsync(context.Request.Body, Json.AlpacaReplaceOrder, context.RequestAborted);
            }
            catch (JsonException ex)
            {
                return ApiResults.Invalid($"invalid replace request: {ex.Message}");
            }
            if (change is null) return ApiResults.Invalid("request body is required");
            var (order, error) = broker.Replace(id, change);
            return error is not null ? ApiResults.Error(error) : ApiResults.Ok(order!, Json.AlpacaOrder);
        });
    }

    private static void MapPositions(WebApplication app, SimBroker broker)
    {
        app.MapGet("/v2/positions", () => ApiResults.Ok(broker.Positions().ToList(), Json.ListAlpacaPosition));

        app.MapGet("/v2/positions/{symbol}", (string symbol) =>
            broker.Position(symbol) is { } position
                ? ApiResults.Ok(position, Json.AlpacaPosition)
                : ApiResults.Error(SimError.NotFound("position does not exist")));

        app.MapDelete("/v2/positions/{symbol}", (string symbol, HttpRequest request) =>
        {
            var query = new QueryValues(request);
            var qty = query.Decimal("qty");
            var percentage = query.Decimal("percentage");
            if (query.Problem is { } problem) return ApiResults.Invalid(problem);
            var (order, error) = broker.ClosePosition(symbol, qty, percentage);
            return error is not null ? ApiResults.Error(error) : ApiResults.Ok(order!, Json.AlpacaOrder);
        });

        app.MapDelete("/v2/positions", (HttpRequest request) =>
            ApiResults.Ok(broker.CloseAllPositions(new QueryValues(request).Bool("cancel_orders")).ToList(),
                Json.ListAlpacaClosePositionResult, status: 207));
    }
}
