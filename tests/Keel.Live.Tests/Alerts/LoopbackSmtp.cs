using System.Buffers;
using System.Collections.Concurrent;
using System.Net;
using System.Net.Sockets;
using System.Threading.Channels;
using MimeKit;
using SmtpServer;
using SmtpServer.Authentication;
using SmtpServer.Protocol;
using SmtpServer.Storage;

namespace Keel.Live.Tests.Alerts;

/// <summary>
/// A real SMTP server (the SmtpServer package) on 127.0.0.1, in this process: plain connection, AUTH allowed
/// without TLS (loopback only), every message parsed by MimeKit and kept with the user it authenticated as.
/// </summary>
internal sealed class LoopbackSmtp : IAsyncDisposable
{
    private readonly CancellationTokenSource _stop = new();
    private readonly SmtpServer.SmtpServer _server;
    private readonly Task _running;
    private readonly Channel<MimeMessage> _arrivals = Channel.CreateUnbounded<MimeMessage>();

    public LoopbackSmtp(string? user = null, string? password = null)
    {
        Port = FreePort();
        var options = new SmtpServerOptionsBuilder().ServerName("localhost")
            .Endpoint(b => b.Endpoint(new IPEndPoint(IPAddress.Loopback, Port)).AllowUnsecureAuthentication(true).AuthenticationRequired(user is not null))
            .Build();
        var services = new SmtpServer.ComponentModel.ServiceProvider();
        services.Add(new Store(this));
        services.Add(new DelegatingUserAuthenticator((u, p) =>
        {
            Logins.Add(u);
            return u == user && p == password;
        }));
        _server = new SmtpServer.SmtpServer(options, services);
        _running = _server.StartAsync(_stop.Token);
    }

    public int Port { get; }
    public ConcurrentQueue<MimeMessage> Messages { get; } = new();
    public ConcurrentBag<string> Logins { get; } = [];

    /// <summary>The next message to arrive (guarded: a test never waits forever).</summary>
    public async Task<MimeMessage> NextAsync(TimeSpan? limit = null)
    {
        using var guard = new CancellationTokenSource(limit ?? TimeSpan.FromSeconds(30));
        return await _arrivals.Reader.ReadAsync(guard.Token);
    }

    public static int FreePort()
    {
        var probe = new TcpListener(IPAddress.Loopback, 0);
        probe.Start();
        var port = ((IPEndPoint)probe.LocalEndpoint).Port;
        probe.Stop();
        return port;
    }

    public async ValueTask DisposeAsync()
    {
        await _stop.CancelAsync();
        _server.Shutdown();
        try { await _running; } catch (OperationCanceledException) { }
        _stop.Dispose();
    }

    private sealed class Store(LoopbackSmtp owner) : MessageStore
    {
        public override async Task<SmtpResponse> SaveAsync(ISessionContext context, IMessageTransaction transaction, ReadOnlySequence<byte> buffer, CancellationToken ct)
        {
            using var stream = new MemoryStream(buffer.ToArray());
            var message = await MimeMessage.LoadAsync(stream, ct);
            owner.Messages.Enqueue(message);
            owner._arrivals.Writer.TryWrite(message);
            return SmtpResponse.Ok;
        }
    }
}
