using System.Globalization;

namespace Keel.Core.Trading;

/// <summary>
/// A change in an order's life: every order the kernel decides on ends up here, including the ones
/// refused by risk or rejected by the broker, each with its reason. Nothing is dropped silently.
/// A fill event carries the <see cref="Fill"/> itself; its text is written only when someone reads it.
/// </summary>
public sealed record OrderEvent(DateTime Time, OrderRequest Order, OrderStatus Status, string Note, Fill? Fill = null)
{
    public string Reason => Fill is { } f
        ? string.Create(CultureInfo.InvariantCulture, $"filled {f.Quantity} at {f.Price}, commission {f.Commission}, slippage {f.Slippage}")
        : Note;
}
