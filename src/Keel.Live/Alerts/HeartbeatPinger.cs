namespace Keel.Live.Alerts;

/// <summary>
/// Pings a dead-man's-switch URL (healthchecks.io and the like) after every cycle, without waiting for it:
/// a ping still in flight makes the next one skip, and failures are ignored (the service alerting on its
/// own missing pings is exactly what it cannot do; the remote end does it).
/// </summary>
internal sealed class HeartbeatPinger(Uri? url, HttpClient http)
{
    private Task _inFlight = Task.CompletedTask;

    public void Ping()
    {
        if (url is null || !_inFlight.IsCompleted) return;
        _inFlight = Task.Run(async () =>
        {
            try
            {
                using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(10));
                using var response = await http.GetAsync(url, timeout.Token).ConfigureAwait(false);
            }
            catch (Exception ex) when (ex is HttpRequestException or OperationCanceledException)
            {
            }
        });
    }
}
