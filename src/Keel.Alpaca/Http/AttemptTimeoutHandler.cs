namespace Keel.Alpaca.Http;

/// <summary>
/// Limits one HTTP attempt to <paramref name="timeout"/>, inside the resilience handler so that each retry
/// gets its own time and the waits between them do not count. A timeout surfaces as <see cref="TimeoutException"/>.
/// </summary>
internal sealed class AttemptTimeoutHandler(TimeSpan timeout) : DelegatingHandler
{
    protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        using var attempt = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        attempt.CancelAfter(timeout);
        try
        {
            return await base.SendAsync(request, attempt.Token).ConfigureAwait(false);
        }
        catch (OperationCanceledException ex) when (!cancellationToken.IsCancellationRequested)
        {
            throw new TimeoutException($"no answer within {timeout.TotalSeconds:0.###} s", ex);
        }
    }
}
