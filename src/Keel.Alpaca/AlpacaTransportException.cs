using Keel.Core.Trading;

namespace Keel.Alpaca;

/// <summary>
/// The request timed out or the connection dropped: it may or may not have reached Alpaca. Reads are
/// retried before this surfaces; order submission recovers through the client order id instead.
/// </summary>
public sealed class AlpacaTransportException(string message, Exception? inner = null) : BrokerException(message, inner)
{
    /// <summary>Always: nothing is known to be wrong with the request itself.</summary>
    public override bool IsTransient => true;
}
