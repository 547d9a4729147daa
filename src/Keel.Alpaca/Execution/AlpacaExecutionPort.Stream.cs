using System.Collections.Concurrent;
using System.Net.WebSockets;
using Keel.Alpaca.Models;
using Keel.Alpaca.Streaming;

namespace Keel.Alpaca.Execution;

// The trade-updates stream: changes as they happen, applied on the next round; REST reads stay the
// authority (every round while the stream is down, every StreamReconcileInterval while it is up).
public sealed partial class AlpacaExecutionPort
{
    private readonly AlpacaTradeStream? _stream;
    private readonly ConcurrentQueue<AlpacaOrder> _streamUpdates = new();
    private TaskCompletionSource _activity = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private volatile bool _streamConnected;
    private volatile bool _reconcileNow;
    private DateTimeOffset? _lastReconcile;

    /// <summary>True while the trade-updates stream is connected and listening.</summary>
    public bool StreamConnected => _streamConnected;

    /// <summary>Updates received from the stream and not yet applied by a round.</summary>
    public int PendingStreamUpdates => _streamUpdates.Count;

    /// <summary>Completes at the stream's next news: an update, a connection or a drop. Read it, then check the state you wait for.</summary>
    public Task StreamActivity => Volatile.Read(ref _activity).Task;

    /// <summary>
    /// Keeps the trade-updates stream connected until cancelled: connects (authenticate, listen), queues each
    /// update for the next round, and after a drop or refusal waits <see cref="AlpacaExecutionOptions.StreamReconnectDelay"/>
    /// and connects again. Each (re)connection makes the next round read everything over REST, since events
    /// may have been missed meanwhile.
    /// </summary>
    public async Task RunStreamAsync(CancellationToken ct)
    {
        var stream = _stream ?? throw new InvalidOperationException("This port was made without a trade-updates stream.");
        while (!ct.IsCancellationRequested)
        {
            try
            {
                await stream.ConnectAsync(ct).ConfigureAwait(false);
                _reconcileNow = true;
                _streamConnected = true;
                Signal();
                await foreach (var update in stream.ReadUpdatesAsync(ct).ConfigureAwait(false))
                {
                    _streamUpdates.Enqueue(update.Order);
                    Signal();
                }
            }
            catch (Exception ex) when (ex is WebSocketException or AlpacaStreamException or System.Text.Json.JsonException)
            {
                // Down or refused: polling carries on; try again after the delay.
            }
            finally
            {
                _streamConnected = false;
                Signal();
            }
            await Task.Delay(_options.StreamReconnectDelay, _time, ct).ConfigureAwait(false);
        }
    }

    private void Signal() => Interlocked.Exchange(ref _activity, new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously)).TrySetResult();

    /// <summary>Applies queued stream updates to the orders and legs they are about; others (already done, not ours) are dropped.</summary>
    private void ApplyStreamUpdates()
    {
        while (_streamUpdates.TryDequeue(out var order))
        {
            if (_tracked.TryGetValue(order.ClientOrderId, out var tracked))
            {
                Apply(tracked, order);
                continue;
            }
            foreach (var entry in _legHolders.Values.ToList())
            {
                if (!entry.Legs.TryGetValue(order.Id, out var leg)) continue;
                ApplyLeg(entry, leg, order);
                break;
            }
        }
    }

    /// <summary>Every round without a stream; with one, after each (re)connection and then every reconcile interval.</summary>
    private bool ReconcileDue()
    {
        var now = _time.GetUtcNow();
        var due = !_streamConnected || _reconcileNow || _lastReconcile is null || now - _lastReconcile >= _options.StreamReconcileInterval;
        if (!due) return false;
        _reconcileNow = false;
        _lastReconcile = now;
        return true;
    }
}
