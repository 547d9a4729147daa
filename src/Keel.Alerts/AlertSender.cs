using Keel.Core.Persistence;
using Microsoft.Extensions.Logging;

namespace Keel.Alerts;

/// <summary>
/// Delivers the outbox: claims the deliveries that are due (a lease, so another process cannot send the
/// same one meanwhile), sends each through its sink (sinks in parallel, so a slow one delays no other),
/// and records each as delivered, or failed with its next attempt after an exponential backoff. It runs
/// beside the trading cycle and shares only the store with it: a sink that hangs or refuses never makes
/// the cycle wait. What a crash interrupts stays in the outbox and is sent after the restart.
/// </summary>
public sealed partial class AlertSender
{
    /// <summary>Longer than any sink's timeout: a claim outlives a slow send, not a dead process.</summary>
    public static readonly TimeSpan Lease = TimeSpan.FromMinutes(2);

    public static readonly TimeSpan FirstRetry = TimeSpan.FromSeconds(10);
    public static readonly TimeSpan LongestRetry = TimeSpan.FromMinutes(15);

    private readonly IAlertStore _store;
    private readonly Dictionary<string, ConfiguredSink> _sinks;
    private readonly TimeProvider _time;
    private readonly ILogger _logger;
    private readonly string _owner;
    private readonly Action<string>? _reach;
    private readonly SemaphoreSlim _wake = new(0, 1);

    /// <param name="reach">Called with <see cref="SendingPoint"/> just before each send (the crash tests kill the process there).</param>
    public AlertSender(IAlertStore store, IEnumerable<ConfiguredSink> sinks, TimeProvider time, ILogger logger, string owner, Action<string>? reach = null)
    {
        _store = store;
        _sinks = sinks.ToDictionary(s => s.Name, StringComparer.Ordinal);
        _time = time;
        _logger = logger;
        _owner = owner;
        _reach = reach;
    }

    public const string SendingPoint = "alert-sending";

    public static TimeSpan Backoff(int failedAttempts)
    {
        var seconds = FirstRetry.TotalSeconds * Math.Pow(2, Math.Min(failedAttempts, 16));
        return seconds >= LongestRetry.TotalSeconds ? LongestRetry : TimeSpan.FromSeconds(seconds);
    }

    /// <summary>Asks the loop to look at the outbox now (an alert was just recorded) instead of at its next poll.</summary>
    public void Wake()
    {
        try { _wake.Release(); } catch (SemaphoreFullException) { } // already woken
    }

    /// <summary>Frees what an earlier process of the same kind (e.g. "service-") had claimed when it died.</summary>
    public void TakeOverFrom(string ownerPrefix) => _store.ReleaseClaims(ownerPrefix);

    /// <summary>
    /// Frees this sender's own claims once its loop has stopped: a send cancelled by the stop left its claim,
    /// which would hold that delivery (often the "stopped" alert itself) until the lease ran out.
    /// </summary>
    public void ReleaseOwnClaims() => _store.ReleaseClaims(_owner);

    /// <summary>Sends everything due now; returns how many deliveries succeeded.</summary>
    public async Task<int> SendDueAsync(CancellationToken ct)
    {
        var due = _store.ClaimDeliveries(_owner, _time.GetUtcNow().UtcDateTime, Lease, limit: 100);
        if (due.Count == 0) return 0;
        var results = await Task.WhenAll(due.GroupBy(d => d.Sink).Select(g => SendAllAsync(g.Key, g.ToList(), ct))).ConfigureAwait(false);
        return results.Sum();
    }

    /// <summary>Polls every <paramref name="poll"/> (or when woken) until cancelled.</summary>
    public async Task RunAsync(TimeSpan poll, CancellationToken ct)
    {
        while (!ct.IsCancellationRequested)
        {
            try
            {
                // A round under way is not cancelled by the stop (each sink bounds its own send): a message cancelled as
                // it left could arrive unrecorded, and the stop's last round would then send it a second time.
                await SendDueAsync(CancellationToken.None).ConfigureAwait(false);
            }
            catch (Exception ex) when (ex is not OperationCanceledException)
            {
                LogSenderError(_logger, ex.Message); // e.g. the store busy: the outbox keeps everything for the next round
            }
            using var timer = CancellationTokenSource.CreateLinkedTokenSource(ct);
            try
            {
                var woken = _wake.WaitAsync(timer.Token);
                await Task.WhenAny(woken, Task.Delay(poll, _time, timer.Token)).ConfigureAwait(false);
                await timer.CancelAsync().ConfigureAwait(false);
            }
            catch (OperationCanceledException) when (!ct.IsCancellationRequested)
            {
            }
        }
    }

    private async Task<int> SendAllAsync(string sinkName, List<PendingDelivery> deliveries, CancellationToken ct)
    {
        var delivered = 0;
        foreach (var delivery in deliveries)
        {
            var alert = delivery.Alert;
            if (!_sinks.TryGetValue(sinkName, out var sink))
            {
                Fail(delivery, $"no sink named {sinkName} in the config any more");
                continue;
            }
            try
            {
                _reach?.Invoke(SendingPoint);
                await sink.Sink.SendAsync(alert, ct).ConfigureAwait(false);
                _store.MarkDelivered(alert.Id, sinkName, _time.GetUtcNow().UtcDateTime);
                LogDelivered(_logger, alert.Id, sinkName, alert.Kind);
                delivered++;
            }
            catch (AlertDeliveryException ex)
            {
                Fail(delivery, ex.Message);
            }
        }
        return delivered;
    }

    private void Fail(PendingDelivery delivery, string error)
    {
        var next = _time.GetUtcNow().UtcDateTime + Backoff(delivery.Attempts);
        _store.MarkFailed(delivery.Alert.Id, delivery.Sink, error, next);
        LogFailed(_logger, delivery.Alert.Id, delivery.Sink, delivery.Attempts + 1, error, next);
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "alert {AlertId} ({Kind}) delivered to {Sink}")]
    private static partial void LogDelivered(ILogger logger, long alertId, string sink, string kind);

    [LoggerMessage(Level = LogLevel.Warning, Message = "alert {AlertId} not delivered to {Sink} (attempt {Attempt}): {Error}; next try {Next:O}")]
    private static partial void LogFailed(ILogger logger, long alertId, string sink, int attempt, string error, DateTime next);

    [LoggerMessage(Level = LogLevel.Warning, Message = "alert sender: {Message}")]
    private static partial void LogSenderError(ILogger logger, string message);
}
