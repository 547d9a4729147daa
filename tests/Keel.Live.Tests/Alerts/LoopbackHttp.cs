using System.Collections.Concurrent;
using System.Net;
using System.Text;
using System.Threading.Channels;

namespace Keel.Live.Tests.Alerts;

/// <summary>One request as the listener received it.</summary>
internal sealed record ReceivedRequest(string Method, string Path, string ContentType, string Body, string? Authorization, string? IdempotencyKey);

/// <summary>
/// A real HTTP listener on 127.0.0.1 for webhooks and a Twilio-like Messages API: records every request and
/// answers with <see cref="Status"/> (201 and a Twilio-shaped body by default). Its loop ends on dispose.
/// </summary>
internal sealed class LoopbackHttp : IDisposable
{
    private readonly HttpListener _listener = new();
    private readonly Task _loop;
    private readonly Channel<ReceivedRequest> _arrivals = Channel.CreateUnbounded<ReceivedRequest>();

    public LoopbackHttp()
    {
        Port = LoopbackSmtp.FreePort();
        _listener.Prefixes.Add($"http://127.0.0.1:{Port}/");
        _listener.Start();
        _loop = Task.Run(LoopAsync);
    }

    public int Port { get; }
    public Uri BaseUrl => new($"http://127.0.0.1:{Port}/");
    public HttpStatusCode Status { get; set; } = HttpStatusCode.Created;
    public ConcurrentQueue<ReceivedRequest> Requests { get; } = new();

    public async Task<ReceivedRequest> NextAsync(TimeSpan? limit = null)
    {
        using var guard = new CancellationTokenSource(limit ?? TimeSpan.FromSeconds(30));
        return await _arrivals.Reader.ReadAsync(guard.Token);
    }

    private async Task LoopAsync()
    {
        while (_listener.IsListening)
        {
            HttpListenerContext context;
            try { context = await _listener.GetContextAsync(); }
            catch (Exception ex) when (ex is HttpListenerException or ObjectDisposedException or InvalidOperationException) { return; }
            using var reader = new StreamReader(context.Request.InputStream, Encoding.UTF8);
            var body = await reader.ReadToEndAsync();
            var request = new ReceivedRequest(context.Request.HttpMethod, context.Request.Url!.AbsolutePath, context.Request.ContentType ?? "",
                body, context.Request.Headers["Authorization"], context.Request.Headers["Idempotency-Key"]);
            Requests.Enqueue(request);
            _arrivals.Writer.TryWrite(request);
            context.Response.StatusCode = (int)Status;
            var reply = Encoding.UTF8.GetBytes("""{"sid":"SM00000000000000000000000000000000","status":"queued"}""");
            context.Response.ContentType = "application/json";
            await context.Response.OutputStream.WriteAsync(reply);
            context.Response.Close();
        }
    }

    public void Dispose()
    {
        _listener.Stop();
        _listener.Close();
        try { _loop.Wait(TimeSpan.FromSeconds(5)); } catch (AggregateException) { }
    }
}
