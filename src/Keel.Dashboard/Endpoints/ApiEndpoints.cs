using System.Globalization;
using Keel.Core.Persistence;
using Keel.Dashboard.Alerts;
using Keel.Dashboard.Live;
using Keel.Reporting.Pages;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;

namespace Keel.Dashboard.Endpoints;

/// <summary>Every page as JSON under /api (see docs/dashboard.md): the pages' scripts draw from exactly these.</summary>
internal static class ApiEndpoints
{
    /// <summary>Charts ask for as many points as they have pixel columns; the default suits a laptop screen.</summary>
    private const int DefaultColumns = 1200;

    public static void Map(IEndpointRouteBuilder app)
    {
        var api = app.MapGroup("/api");
        api.MapGet("/session", (DashboardOptions options) => TypedResults.Json(new SessionInfo(options.Mode, options.AllowControl), PagesJson.Default.SessionInfo));
        api.MapGet("/overview", (LiveViews views, int? width) => TypedResults.Json(views.Overview(Columns(width)), PagesJson.Default.OverviewPage));
        api.MapGet("/positions", (LiveViews views) => TypedResults.Json(views.Positions(), PagesJson.Default.IReadOnlyListPositionView));
        api.MapGet("/orders", (LiveViews views) => TypedResults.Json(views.OpenOrders(), PagesJson.Default.IReadOnlyListOpenOrderView));
        api.MapGet("/strategies", (LiveViews views) => TypedResults.Json(views.Strategies(), PagesJson.Default.IReadOnlyListStrategyView));
        api.MapGet("/journal", (LiveViews views, string? strategy, string? symbol, string? from, string? to, int? limit) =>
        {
            if (!TryDay(from, out var start) || !TryDay(to, out var end))
                return Results.BadRequest("from and to are days: yyyy-MM-dd (UTC)");
            var filter = new JournalFilter(Blank(strategy), Blank(symbol), start, end?.AddDays(1), Math.Clamp(limit ?? 200, 1, 5000));
            return TypedResults.Json(views.Journal(filter), PagesJson.Default.JournalPage);
        });
        api.MapGet("/trades/{id:long}", (LiveViews views, long id) => views.TradeOrders(id) is { } view
            ? Results.Json(view, PagesJson.Default.TradeOrdersView)
            : Results.NotFound());
        api.MapGet("/alerts", (IAlertFeed alerts) => TypedResults.Json(alerts.Page(500), PagesJson.Default.AlertsPage));
        api.MapGet("/backtests", (LiveViews views, int? width) => TypedResults.Json(views.Backtests(Columns(width)), PagesJson.Default.BacktestsPage));
        api.MapGet("/backtests/runs/{name}", (DashboardOptions options, string name, int? width) =>
            options.ResultsFolder is { } folder && ResultsFolderReader.ReadRun(folder, name, Columns(width)) is { } run
                ? Results.Json(run, PagesJson.Default.RunPage)
                : Results.NotFound($"no backtest folder {name} in the results folder"));
    }

    private static int Columns(int? width) => Math.Clamp(width ?? DefaultColumns, 50, 4000);

    private static string? Blank(string? text) => string.IsNullOrWhiteSpace(text) ? null : text.Trim();

    private static bool TryDay(string? text, out DateTime? day)
    {
        day = null;
        if (string.IsNullOrWhiteSpace(text)) return true;
        if (!DateOnly.TryParseExact(text, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var d)) return false;
        day = d.ToDateTime(TimeOnly.MinValue, DateTimeKind.Utc);
        return true;
    }
}
