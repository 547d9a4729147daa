namespace Keel.Alerts.Sinks;

/// <summary>
/// One HTTP POST of an alert with its own time limit, as the webhook and SMS sinks send them: a refused or
/// failed request becomes an <see cref="AlertDeliveryException"/> whose text has passed through
/// <paramref name="scrub"/> (never a secret), and only the caller's own cancellation goes through as such.
/// </summary>
internal static class AlertPost
{
    /// <param name="httpFailure">What a non-success answer is called, before ": HTTP status reply".</param>
    /// <param name="transportFailure">What a request that got no answer is called, before ": reason".</param>
    /// <param name="noAnswer">The reason given when the time limit ran out.</param>
    public static async Task SendAsync(HttpClient http, HttpRequestMessage request, TimeSpan timeLimit, string httpFailure, string transportFailure,
        string noAnswer, Func<string, string> scrub, CancellationToken ct)
    {
        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(ct);
        timeout.CancelAfter(timeLimit);
        try
        {
            using var response = await http.SendAsync(request, timeout.Token).ConfigureAwait(false);
            if (!response.IsSuccessStatusCode)
            {
                var reply = await response.Content.ReadAsStringAsync(ct).ConfigureAwait(false);
                throw new AlertDeliveryException(scrub($"{httpFailure}: HTTP {(int)response.StatusCode} {AlertText.Cut(reply, 200)}"));
            }
        }
        catch (Exception ex) when (ex is not AlertDeliveryException && !(ex is OperationCanceledException && ct.IsCancellationRequested))
        {
            throw new AlertDeliveryException(scrub($"{transportFailure}: {(ex is TaskCanceledException ? noAnswer : ex.Message)}"));
        }
    }
}
