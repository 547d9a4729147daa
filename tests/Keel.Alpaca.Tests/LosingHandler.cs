namespace Keel.Alpaca.Tests;

/// <summary>
/// Loses the first <paramref name="count"/> requests that match before they reach the server, failing
/// them the way <see cref="HttpClient.Timeout"/> does (a <see cref="TaskCanceledException"/> around a
/// <see cref="TimeoutException"/>). A timeout without a clock: nothing waits.
/// </summary>
internal sealed class LosingHandler(Func<HttpRequestMessage, bool> matches, int count) : DelegatingHandler(new SocketsHttpHandler())
{
    private readonly int _count = count;
    private int _left = count;

    public int Lost => _count - Math.Max(0, Volatile.Read(ref _left));

    protected override Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        if (matches(request) && Interlocked.Decrement(ref _left) >= 0)
            throw new TaskCanceledException("The request was canceled due to the configured HttpClient.Timeout.", new TimeoutException());
        return base.SendAsync(request, cancellationToken);
    }
}
