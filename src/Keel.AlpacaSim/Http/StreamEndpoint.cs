using System.Net.WebSockets;
using System.Text.Json;
using Keel.Alpaca.Json;
using Keel.Alpaca.Models;
using Keel.AlpacaSim.Trading;

namespace Keel.AlpacaSim.Http;

/// <summary>
/// The trading stream at <c>/stream</c>: <c>authenticate</c> (keys in the message, not headers) answered by
/// <c>authorization</c>, then <c>listen</c> answered by <c>listening</c>; trade updates follow as binary
/// frames of JSON, as Alpaca paper sends them. Wrong keys get <c>unauthorized</c> and the connection closes.
/// </summary>
internal static class StreamEndpoint
{
    public const string Path = "/stream";
    private const string TradeUpdates = "trade_updates";
    private static AlpacaJsonContext Json => AlpacaJsonContext.Default;

    public static void Map(WebApplication app, SimOptions options, SimTradeUpdates updates)
    {
        app.Map(Path, async (HttpContext context) =>
        {
            if (!context.WebSockets.IsWebSocketRequest)
            {
                context.Response.StatusCode = 400;
                return;
            }
            using var socket = await context.WebSockets.AcceptWebSocketAsync();
            await RunAsync(socket, options, updates, context.RequestAborted);
        });
    }

    private static async Task RunAsync(WebSocket socket, SimOptions options, SimTradeUpdates updates, CancellationToken aborted)
    {
        using var send = new SemaphoreSlim(1, 1);
        SimTradeUpdates.Listener? listener = null;
        Task? forwarding = null;
        var authorized = false;
        using var connection = CancellationTokenSource.CreateLinkedTokenSource(aborted);
        try
        {
            while (await ReadAsync(socket, connection.Token) is { } request)
            {
                switch (request.Action)
                {
                    case "authenticate":
                        authorized = Accepts(options, request.Data);
                        await SendAsync(socket, send, new AlpacaStreamReply
                        {
                            Stream = "authorization",
                            Data = new AlpacaStreamReplyData { Status = authorized ? "authorized" : "unauthorized", Action = "authenticate" },
                        }, Json.AlpacaStreamReply, connection.Token);
                        if (!authorized) return;
                        break;
                    case "listen" when authorized:
                        var streams = request.Data.Streams?.Where(s => s == TradeUpdates).ToList() ?? [];
                        if (streams.Count > 0 && listener is null)
                        {
                            listener = updates.Listen();
                            var dropped = CancellationTokenSource.CreateLinkedTokenSource(connection.Token, listener.Dropped);
                            forwarding = ForwardAsync(socket, send, listener, dropped);
                        }
                        await SendAsync(socket, send, new AlpacaStreamReply
                        {
                            Stream = "listening",
                            Data = new AlpacaStreamReplyData { Streams = streams },
                        }, Json.AlpacaStreamReply, connection.Token);
                        break;
                    default:
                        await SendAsync(socket, send, new AlpacaStreamReply
                        {
                            Stream = "authorization",
                            Data = new AlpacaStreamReplyData { Status = "unauthorized", Action = request.Action, Error = "authenticate first" },
                        }, Json.AlpacaStreamReply, connection.Token);
                        break;
                }
            }
        }
        catch (Exception ex) when (ex is OperationCanceledException or WebSocketException)
        {
            // The client left or the connection was dropped on purpose.
        }
        finally
        {
            connection.Cancel();
            if (forwarding is not null) await forwarding;
            listener?.Dispose();
        }
    }

    /// <summary>Sends each update as a binary frame until the connection ends; a drop (test handle) aborts the socket.</summary>
    private static async Task ForwardAsync(WebSocket socket, SemaphoreSlim send, SimTradeUpdates.Listener listener, CancellationTokenSource stop)
    {
        using (stop)
        {
            try
            {
                await foreach (var update in listener.Queue.Reader.ReadAllAsync(stop.Token))
                    await SendAsync(socket, send, new AlpacaTradeUpdateMessage { Data = update }, Json.AlpacaTradeUpdateMessage, stop.Token);
            }
            catch (Exception ex) when (ex is OperationCanceledException or WebSocketException)
            {
                if (listener.Dropped.IsCancellationRequested) socket.Abort();
            }
        }
    }

    private static bool Accepts(SimOptions options, AlpacaStreamRequestData data)
    {
        if (string.IsNullOrEmpty(data.KeyId) || string.IsNullOrEmpty(data.SecretKey)) return false;
        return options.KeyId is null || options.SecretKey is null
               || (data.KeyId == options.KeyId && data.SecretKey == options.SecretKey);
    }

    private static async Task<AlpacaStreamRequest?> ReadAsync(WebSocket socket, CancellationToken ct)
    {
        var buffer = new byte[4096];
        using var message = new MemoryStream();
        while (true)
        {
            var received = await socket.ReceiveAsync(buffer, ct);
            if (received.MessageType == WebSocketMessageType.Close) return null;
            message.Write(buffer, 0, received.Count);
            if (!received.EndOfMessage) continue;
            try
            {
                return JsonSerializer.Deserialize(message.ToArray(), Json.AlpacaStreamRequest) ?? new AlpacaStreamRequest();
            }
            catch (JsonException)
            {
                return new AlpacaStreamRequest { Action = "invalid" };
            }
        }
    }

    private static async Task SendAsync<T>(WebSocket socket, SemaphoreSlim send, T message, System.Text.Json.Serialization.Metadata.JsonTypeInfo<T> type, CancellationToken ct)
    {
        var bytes = JsonSerializer.SerializeToUtf8Bytes(message, type);
        await send.WaitAsync(ct);
        try
        {
            await socket.SendAsync(bytes, WebSocketMessageType.Binary, endOfMessage: true, ct);
        }
        finally
        {
            send.Release();
        }
    }
}
