using Keel.Core.Persistence;
using Keel.Dashboard.Alerts;
using Keel.Reporting.Pages;
using Keel.Storage;
using Microsoft.AspNetCore.Antiforgery;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;

namespace Keel.Dashboard.Endpoints;

/// <summary>
/// Halt, resume, flatten and acknowledge: mapped only with <c>--allow-control</c>. Each POST must carry the
/// anti-forgery token of <c>GET /api/control/csrf</c> (header X-CSRF-TOKEN, checked against its cookie), so another
/// site cannot make a visitor's browser halt the service. A halt is written to the store exactly as
/// <c>keel halt</c> writes it; the running service obeys on its next cycle (cancels working orders, flattens if asked).
/// </summary>
internal static class ControlEndpoints
{
    public sealed record HaltRequest(string? Reason, bool Flatten);

    public static void Map(IEndpointRouteBuilder app, DashboardOptions options)
    {
        var control = app.MapGroup("/api/control");
        control.MapGet("/csrf", (IAntiforgery antiforgery, HttpContext context) =>
        {
            var tokens = antiforgery.GetAndStoreTokens(context);
            return Results.Text(tokens.RequestToken ?? "", "text/plain");
        });
        control.MapPost("/halt", async (IAntiforgery antiforgery, HttpContext context) =>
        {
            if (await Forged(antiforgery, context)) return Results.BadRequest("missing or wrong anti-forgery token");
            var form = await context.Request.ReadFormAsync(context.RequestAborted);
            var flatten = form["flatten"] == "true";
            var reason = string.IsNullOrWhiteSpace(form["reason"]) ? "halted from the dashboard" : form["reason"].ToString().Trim();
            var state = new HaltState(true, reason, options.Time.GetUtcNow().UtcDateTime, flatten);
            Write(options, store => store.SetHalt(state));
            return Results.Json(new ControlResult(true, reason, flatten,
                "Halted: the service refuses new entries from its next cycle" + (flatten ? " and closes every position." : ".")), PagesJson.Default.ControlResult);
        });
        control.MapPost("/resume", async (IAntiforgery antiforgery, HttpContext context) =>
        {
            if (await Forged(antiforgery, context)) return Results.BadRequest("missing or wrong anti-forgery token");
            Write(options, store => store.SetHalt(HaltState.Running));
            return Results.Json(new ControlResult(false, null, false, "Resumed: the service takes new entries from its next cycle."), PagesJson.Default.ControlResult);
        });
        control.MapPost("/alerts/{id:long}/ack", async (IAntiforgery antiforgery, HttpContext context, IAlertFeed alerts, long id) =>
        {
            if (await Forged(antiforgery, context)) return Results.BadRequest("missing or wrong anti-forgery token");
            return alerts.Acknowledge(id) ? Results.NoContent() : Results.Conflict($"alert {id} does not exist or is already acknowledged");
        });
    }

    private static async Task<bool> Forged(IAntiforgery antiforgery, HttpContext context) => !await antiforgery.IsRequestValidAsync(context);

    /// <summary>A short-lived writable connection, as keel halt opens one; the dashboard's own reader stays read-only.</summary>
    private static void Write(DashboardOptions options, Action<ITradingStore> change)
    {
        using var store = TradingStores.Open(options.SqlitePath, options.PostgresConnectionString);
        change(store);
    }
}
