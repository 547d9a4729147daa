using System.Net.WebSockets;
using System.Text.Json;
using Keel.Alpaca.Json;
using Keel.Alpaca.Models;

namespace Keel.Alpaca.Streaming;

/// <summary>
/// Alpaca's <c>trade_updates</c> WebSocket (<c>wss://…/stream</c> on the trading host): authenticate with the
/// keys, listen to <c>trade_updates</c>, then read one event per order transition. Frames may be text or
/// binary (paper sends binary), each holding JSON. Events can be late or missing, so a user must still
/// reconcile over REST (the execution port does). One connection, one reader.
/// </summary>
public sealed class AlpacaTradeStream : IAsyncDisposable
{
    private const string TradeUpdates = "trade_updates";
    private readonly AlpacaOptions _options;
    private ClientWebSocket? _socket;

    public AlpacaTradeStream(AlpacaOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        options.Validate();
        _options = options;
    }

    /// <summary>The trading host's <c>/stream</c>, ws for http and wss for https.</summary>
    public Uri Url
    {
        get
        {
            var trading = _options.EffectiveTradingUrl;
            return new UriBuilder(trading) { Scheme = trading.Scheme == "https" ? "wss" : "ws", Path = "/stream" }.Uri;
        }
    }

    /// <summary>True once authorized and listening, until the connection ends.</summary>
    public bool IsConnected => _socket?.State == WebSocketState.Open;

    /// <summary>Connects, authenticates and listens to trade_updates.</summary>
    /// <exception cref="AlpacaStreamException">The keys were refused or the server answered unexpectedly.</exception>
    /// <exception cref="WebSocketException">The connection could not be made.</exception>
    public async Task ConnectAsync(CancellationToken ct = default)
    {
        await CloseAsync().ConfigureAwait(false);
        var socket = new ClientWebSocket();
        try
        {
            await socket.ConnectAsync(Url, ct).ConfigureAwait(false);
            await SendAsync(socket, new AlpacaStreamRequest
            {
                Action = "authenticate",
                Data = new AlpacaStreamRequestData { KeyId = _options.KeyId, SecretKey = _options.SecretKey },
            }, ct).ConfigureAwait(false);
            var authorization = await ReadReplyAsync(socket, "authorization", ct).ConfigureAwait(false);
            if (authorization.Data.Status != "authorized")
                throw new AlpacaStreamException($"Alpaca's trading stream refused the keys ({authorization.Data.Status ?? "no status"}).");
            await SendAsync(socket, new AlpacaStreamRequest { Action = "listen", Data = new AlpacaStreamRequestData { Streams = [TradeUpdates] } }, ct)
                .ConfigureAwait(false);
            var listening = await ReadReplyAsync(socket, "listening", ct).ConfigureAwait(false);
            if (listening.Data.Streams?.Contains(TradeUpdates) != true)
                throw new AlpacaStreamException("Alpaca's trading stream did not confirm listening to trade_updates.");
            _socket = socket;
        }
        catch
        {
            socket.Dispose();
            throw;
        }
    }

    /// <summary>Trade updates as they arrive, until the server closes the connection or <paramref name="ct"/> ends.</summary>
    public async IAsyncEnumerable<AlpacaTradeUpdate> ReadUpdatesAsync([System.Runtime.CompilerServices.EnumeratorCancellation] CancellationToken ct = default)
    {
        var socket = _socket ?? throw new InvalidOperationException("Connect first.");
        while (await ReadMessageAsync(socket, ct).ConfigureAwait(false) is { } message)
        {
            using var document = JsonDocument.Parse(message);
            if (!document.RootElement.TryGetProperty("stream", out var stream) || stream.GetString() != TradeUpdates) continue;
            if (document.RootElement.TryGetProperty("data", out var data)
                && data.Deserialize(AlpacaJsonContext.Default.AlpacaTradeUpdate) is { } update)
                yield return update;
        }
    }

    private static async Task<AlpacaStreamReply> ReadReplyAsync(ClientWebSocket socket, string stream, CancellationToken ct)
    {
        while (true)
        {
            var message = await ReadMessageAsync(socket, ct).ConfigureAwait(false)
                          ?? throw new AlpacaStreamException($"Alpaca's trading stream closed before answering with '{stream}'.");
            var reply = JsonSerializer.Deserialize(message, AlpacaJsonContext.Default.AlpacaStreamReply);
            if (reply?.Stream == stream) return reply;
            if (reply?.Data.Error is { } error) throw new AlpacaStreamException($"Alpaca's trading stream: {error}");
        }
    }

    /// <summary>One whole message (text or binary frames), or null once the server closes.</summary>
    private static async Task<byte[]?> ReadMessageAsync(ClientWebSocket socket, CancellationToken ct)
    {
        var buffer = new byte[8192];
        using var message = new MemoryStream();
        while (true)
        {
            WebSocketReceiveResult received;
            try
            {
                received = await socket.ReceiveAsync(buffer, ct).ConfigureAwait(false);
            }
            catch (WebSocketException)
            {
                return null; // the connection dropped: the same as a close to the reader
            }
            if (received.MessageType == WebSocketMessageType.Close) return null;
            message.Write(buffer, 0, received.Count);
            if (received.EndOfMessage) return message.ToArray();
        }
    }

    private static Task SendAsync(ClientWebSocket socket, AlpacaStreamRequest request, CancellationToken ct) =>
        socket.SendAsync(JsonSerializer.SerializeToUtf8Bytes(request, AlpacaJsonContext.Default.AlpacaStreamRequest),
            WebSocketMessageType.Text, endOfMessage: true, ct);

    private async Task CloseAsync()
    {
        var socket = Interlocked.Exchange(ref _socket, null);
        if (socket is null) return;
        try
        {
            if (socket.State == WebSocketState.Open)
                await socket.CloseOutputAsync(WebSocketCloseStatus.NormalClosure, "bye", CancellationToken.None).ConfigureAwait(false);
        }
        catch (WebSocketException)
        {
            // Already gone.
        }
        socket.Dispose();
    }

    public ValueTask DisposeAsync() => new(CloseAsync());
}
