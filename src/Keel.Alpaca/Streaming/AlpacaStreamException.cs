namespace Keel.Alpaca.Streaming;

/// <summary>The trading stream refused the keys, answered something unexpected, or closed during the handshake.</summary>
public sealed class AlpacaStreamException(string message, Exception? inner = null) : Exception(message, inner);
