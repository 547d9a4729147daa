using System.Net.ServerSentEvents;
using System.Runtime.CompilerServices;
using Keel.Dashboard.Live;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.Hosting;

namespace Keel.Dashboard.Endpoints;

/// <summary>
/// <c>GET /api/events</c>: server-sent events. One <c>change</c> event each time the store moved, its data the
/// words of what moved (fills, equity, orders, decisions, trades, alerts, halt, heartbeat); pages re-read their JSON.
/// </summary>
internal static class EventsEndpoint
{
    public static void Map(IEndpointRouteBuilder app) =>
        app.MapGet("/api/events", (StoreWatcher watcher, IHostApplicationLifetime lifetime, HttpContext context) =>
        {
            var stop = CancellationTokenSource.CreateLinkedTokenSource(context.RequestAborted, lifetime.ApplicationStopping);
            context.Response.RegisterForDispose(stop);
            return TypedResults.ServerSentEvents(Stream(watcher, stop.Token));
        });

    private static async IAsyncEnumerable<SseItem<string>> Stream(StoreWatcher watcher, [EnumeratorCancellation] CancellationToken ct)
    {
        var (version, marks) = watcher.Current;
        yield return new SseItem<string>("ready", "ready");
        while (!ct.IsCancellationRequested)
        {
            (long, Core.Persistence.StoreMarks) next;
            try
            {
                next = await watcher.WaitForChangeAsync(version, ct).ConfigureAwait(false);
            }
            catch (OperationCanceledException)
            {
                yield break;
            }
            var changes = StoreWatcher.Changes(marks, next.Item2);
            (version, marks) = next;
            yield return new SseItem<string>(changes, "change");
        }
    }
}
