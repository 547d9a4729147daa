using System.Net.Http;

namespace Keel.Live;

/// <summary>
/// Sits under the Alpaca client's HTTP stack: when the broker has accepted an order (POST /v2/orders
/// answered 2xx) the crash point fires before the answer reaches the engine, the "accepted but the
/// response never arrived" case.
/// </summary>
internal sealed class CrashAfterOrderAccepted(CrashPoints crash) : DelegatingHandler(new SocketsHttpHandler())
{
    protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        var response = await base.SendAsync(request, cancellationToken).ConfigureAwait(false);
        if (request.Method == HttpMethod.Post && response.IsSuccessStatusCode && request.RequestUri?.AbsolutePath.EndsWith("/v2/orders", StringComparison.Ordinal) == true)
            crash.Reach(CrashPoints.AfterBrokerAccepted);
        return response;
    }
}
