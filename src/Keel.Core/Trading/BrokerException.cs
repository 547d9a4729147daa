namespace Keel.Core.Trading;

/// <summary>
/// A broker adapter's failure, so a session can tell a broker that is briefly unreachable (try again next
/// cycle) from anything else without knowing which broker it talks to.
/// </summary>
public abstract class BrokerException : Exception
{
    protected BrokerException(string message, Exception? inner = null) : base(message, inner)
    {
    }

    /// <summary>Rate limited, a server error, or the answer was lost: the same request may work a moment later.</summary>
    public abstract bool IsTransient { get; }
}
