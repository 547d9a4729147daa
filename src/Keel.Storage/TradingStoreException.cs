namespace Keel.Storage;

/// <summary>A store that cannot be opened or used; the message names the store and what to do about it.</summary>
public sealed class TradingStoreException : Exception
{
    public TradingStoreException(string message) : base(message) { }

    public TradingStoreException(string message, Exception inner) : base(message, inner) { }
}
