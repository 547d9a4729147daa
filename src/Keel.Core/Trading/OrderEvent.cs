using System.Globalization;

namespace Keel.Core.Trading;

/// <summary>
/// A change in an order's life: every order the kernel decides on ends up here, including the ones
/// refused by risk or rejected by the broker, each with its reason. Nothing is dropped silently.
/// A fill event carries the <see cref="Fill"/> itself; its text is written only when someone reads it.
/// <see cref="Time"/> is on the broker's clock for what the broker reports (acceptance, fills, ends), so
/// an order's events sort in the order they happened; the service's own clock goes in <see cref="ReceivedAt"/>.
/// </summary>
public sealed record OrderEvent(DateTime Time, OrderRequest Order, OrderStatus Status, string Note, Fill? Fill = null)
{
    /// <summary>When the service heard of the event, on its own clock; null in a backtest.</summary>
    public DateTime? ReceivedAt { get; init; }

    public string Reason => Fill is { } f
        ? string.Create(CultureInfo.InvariantCulture, $"filled {f.Quantity} at {f.Price}, commission {f.Commission}, slippage {f.Slippage}")
        : Note;
}
