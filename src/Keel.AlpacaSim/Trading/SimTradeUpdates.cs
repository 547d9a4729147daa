using System.Collections.Concurrent;
using System.Threading.Channels;
using Keel.Alpaca.Models;

namespace Keel.AlpacaSim.Trading;

/// <summary>
/// The sim's <c>trade_updates</c>: the broker publishes one event per order transition (under its lock, so
/// in order), and every listening stream connection gets its own queue of them. Tests can drop every
/// connection to see a client fall back to polling.
/// </summary>
public sealed class SimTradeUpdates
{
    private readonly ConcurrentDictionary<Listener, byte> _listeners = new();

    /// <summary>How many stream connections are listening now.</summary>
    public int ListenerCount => _listeners.Count;

    internal Listener Listen()
    {
        var listener = new Listener(this);
        _listeners[listener] = 0;
        return listener;
    }

    internal void Publish(AlpacaTradeUpdate update)
    {
        foreach (var listener in _listeners.Keys) listener.Queue.Writer.TryWrite(update);
    }

    /// <summary>Closes every stream connection, as a network drop would.</summary>
    public void DisconnectAll()
    {
        foreach (var listener in _listeners.Keys) listener.Disconnect();
    }

    internal sealed class Listener(SimTradeUpdates owner) : IDisposable
    {
        private readonly CancellationTokenSource _dropped = new();

        public Channel<AlpacaTradeUpdate> Queue { get; } = Channel.CreateUnbounded<AlpacaTradeUpdate>(new UnboundedChannelOptions { SingleReader = true });

        public CancellationToken Dropped => _dropped.Token;

        public void Disconnect() => _dropped.Cancel();

        public void Dispose()
        {
            owner._listeners.TryRemove(this, out _);
            _dropped.Dispose();
        }
    }
}
