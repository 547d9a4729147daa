using System.Net;
using Keel.Core.Persistence;
using Keel.Dashboard.Alerts;
using Keel.Dashboard.Endpoints;
using Keel.Dashboard.Live;
using Keel.Dashboard.Security;
using Keel.Reporting.Charts;
using Keel.Storage;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.DataProtection;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.Features;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.FileProviders;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace Keel.Dashboard;

/// <summary>
/// The dashboard as a running web server: the store opened read-only, the pages and the chart library served
/// from this assembly, JSON under /api, server-sent events, the token gate and (only if allowed) control.
/// </summary>
public sealed class DashboardServer : IAsyncDisposable
{
    private readonly WebApplication _app;
    private readonly ITradingStoreReader _reader;

    private DashboardServer(WebApplication app, ITradingStoreReader reader, Uri baseUrl)
    {
        _app = app;
        _reader = reader;
        BaseUrl = baseUrl;
    }

    /// <summary>Where it listens, e.g. http://127.0.0.1:5080/.</summary>
    public Uri BaseUrl { get; }

    /// <summary>Opens the store and starts listening; throws <see cref="DashboardOptionsException"/> or TradingStoreException on bad settings.</summary>
    public static async Task<DashboardServer> StartAsync(DashboardOptions options, IAlertFeed? alerts = null, LogLevel logLevel = LogLevel.Warning, CancellationToken ct = default)
    {
        ArgumentNullException.ThrowIfNull(options);
        var address = options.ListenAddress();
        var sqlite = options.PostgresConnectionString is null && options.SqlitePath is not null ? Path.GetFullPath(options.SqlitePath) : null;
        ITradingStoreReader reader = new LateOpeningReader(sqlite, () => ReadOnlyStores.Open(options.SqlitePath, options.PostgresConnectionString));
        // A store that is there but unreadable (not a Keel store, a newer schema) is bad input now, not a note later.
        if (sqlite is null || File.Exists(sqlite)) reader.Marks();
        try
        {
            var app = Build(options, address, reader, alerts ?? new StoreAlertFeed(reader, options), logLevel);
            await app.StartAsync(ct).ConfigureAwait(false);
            var bound = app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First();
            return new DashboardServer(app, reader, new Uri(bound.Replace("0.0.0.0", "127.0.0.1", StringComparison.Ordinal).TrimEnd('/') + "/"));
        }
        catch
        {
            reader.Dispose();
            throw;
        }
    }

    private static WebApplication Build(DashboardOptions options, IPAddress address, ITradingStoreReader reader, IAlertFeed alerts, LogLevel logLevel)
    {
        var builder = WebApplication.CreateSlimBuilder(new WebApplicationOptions { ApplicationName = typeof(DashboardServer).Assembly.GetName().Name });
        builder.Logging.ClearProviders();
        builder.Logging.AddSimpleConsole(o => o.SingleLine = true).SetMinimumLevel(logLevel);
        builder.WebHost.UseKestrel(k => k.Listen(address, options.Port));
        builder.Services.Configure<HostOptions>(o => o.ShutdownTimeout = TimeSpan.FromSeconds(5));
        builder.Services.AddSingleton(options);
        builder.Services.AddSingleton(reader);
        builder.Services.AddSingleton(alerts);
        builder.Services.AddSingleton<LiveViews>();
        builder.Services.AddSingleton<StoreWatcher>();
        builder.Services.AddHostedService(s => s.GetRequiredService<StoreWatcher>());
        if (options.AllowControl)
        {
            // Anti-forgery keys live in memory only: nothing is written to disk, and a restart simply issues new tokens.
            builder.Services.AddDataProtection().UseEphemeralDataProtectionProvider();
            builder.Services.AddAntiforgery(o =>
            {
                o.HeaderName = "X-CSRF-TOKEN";
                o.Cookie.Name = "keel_dashboard_csrf";
                o.Cookie.SameSite = SameSiteMode.Strict;
            });
        }

        var app = builder.Build();
        app.Use(async (context, next) =>
        {
            // Everything the pages need is served from here: no other origin may run script, frame or be fetched.
            var headers = context.Response.Headers;
            headers.ContentSecurityPolicy = "default-src 'self'; style-src 'self' 'unsafe-inline'; img-src 'self' data:; frame-ancestors 'none'";
            headers.XContentTypeOptions = "nosniff";
            headers["Referrer-Policy"] = "no-referrer";
            headers.CacheControl = "no-store";
            await next(context);
        });
        app.Use(async (context, next) =>
        {
            try
            {
                await next(context);
            }
            catch (StoreMissingException missing) when (!context.Response.HasStarted)
            {
                context.Response.StatusCode = StatusCodes.Status503ServiceUnavailable;
                context.Response.ContentType = "text/plain; charset=utf-8";
                await context.Response.WriteAsync(missing.Message);
            }
        });
        if (!string.IsNullOrEmpty(options.Token))
        {
            var gate = new TokenGate(options.Token);
            app.Use(gate.InvokeAsync);
        }
        // The pages from this assembly; the chart library (and its licence) from Keel.Reporting, the one pinned copy the reports inline too.
        var assets = new CompositeFileProvider(
            new EmbeddedFileProvider(typeof(DashboardServer).Assembly, "Keel.Dashboard.wwwroot"),
            new EmbeddedFileProvider(ChartLibrary.Assembly, ChartLibrary.ResourcePrefix));
        app.UseStaticFiles(new StaticFileOptions { FileProvider = assets, RequestPath = "/assets" });
        PageEndpoints.Map(app, assets);
        ApiEndpoints.Map(app);
        EventsEndpoint.Map(app);
        if (options.AllowControl) ControlEndpoints.Map(app, options);
        return app;
    }

    /// <summary>Runs until <paramref name="ct"/> is cancelled (Ctrl+C in <c>keel dashboard</c>).</summary>
    public async Task RunUntilCancelledAsync(CancellationToken ct)
    {
        try
        {
            await Task.Delay(Timeout.Infinite, ct).ConfigureAwait(false);
        }
        catch (OperationCanceledException)
        {
        }
    }

    public async ValueTask DisposeAsync()
    {
        await _app.StopAsync().ConfigureAwait(false);
        await _app.DisposeAsync().ConfigureAwait(false);
        _reader.Dispose();
    }
}
