using System.Text.Json;
using Keel.Alpaca.Json;
using Keel.AlpacaSim.Data;
using Keel.AlpacaSim.Faults;
using Keel.AlpacaSim.Market;
using Keel.AlpacaSim.Trading;

namespace Keel.AlpacaSim.Http;

/// <summary>
/// Control of the sim over HTTP, for a sim running as its own process: clock, faults, quotes, and what
/// happened (requests, orders). No auth and no faults apply under /admin.
/// </summary>
internal static class AdminEndpoints
{
    public static void Map(WebApplication app, SimClock clock, MarketHours hours, SimFaults faults, QuoteBook quotes, SimBroker broker, SimRequestLog log)
    {
        app.MapGet("/admin/clock", () => Results.Json(State(clock, hours), SimJsonContext.Default.SimClockState));
        app.MapPost("/admin/clock", async (HttpContext context) =>
        {
            var command = await Read(context, SimJsonContext.Default.SimClockCommand);
            if (command is null) return Results.BadRequest();
            if (command.Time is { } time) clock.Set(time);
            if (command.AdvanceSeconds is { } seconds) clock.Advance(TimeSpan.FromSeconds(seconds));
            if (command.Speed is { } speed) clock.Speed = speed;
            broker.Process();
            return Results.Json(State(clock, hours), SimJsonContext.Default.SimClockState);
        });

        app.MapGet("/admin/faults", () => Results.Json(faults.Current, SimJsonContext.Default.FaultSettings));
        app.MapPost("/admin/faults", async (HttpContext context) =>
        {
            var settings = await Read(context, SimJsonContext.Default.FaultSettings);
            if (settings is null) return Results.BadRequest();
            faults.Set(settings);
            return Results.Json(faults.Current, SimJsonContext.Default.FaultSettings);
        });
        app.MapDelete("/admin/faults", () =>
        {
            faults.Clear();
            return Results.NoContent();
        });

        app.MapPost("/admin/quotes", async (HttpContext context) =>
        {
            var command = await Read(context, SimJsonContext.Default.SimQuoteCommand);
            if (command is null || string.IsNullOrWhiteSpace(command.Symbol)) return Results.BadRequest();
            try
            {
                quotes.Set(command.Symbol, command.Bid, command.Ask, command.BidSize, command.AskSize);
            }
            catch (ArgumentException ex)
            {
                return Results.BadRequest(ex.Message);
            }
            broker.Process();
            return Results.NoContent();
        });
        app.MapDelete("/admin/quotes/{**symbol}", (string symbol) =>
        {
            quotes.Clear(Uri.UnescapeDataString(symbol));
            return Results.NoContent();
        });

        app.MapGet("/admin/requests", () => Results.Json(log.All().ToList(), SimJsonContext.Default.ListSimRequest));
        app.MapGet("/admin/orders", () => Results.Json(broker.AllOrders().ToList(), AlpacaJsonContext.Default.ListAlpacaOrder));
    }

    private static SimClockState State(SimClock clock, MarketHours hours)
    {
        var now = clock.GetUtcNow();
        return new SimClockState(now, clock.Speed, hours.IsOpen(now));
    }

    private static async Task<T?> Read<T>(HttpContext context, System.Text.Json.Serialization.Metadata.JsonTypeInfo<T> type)
    {
        try
        {
            return await JsonSerializer.DeserializeAsync(context.Request.Body, type, context.RequestAborted);
        }
        catch (JsonException)
        {
            return default;
        }
    }
}
