using Keel.Core.Domain;

namespace Keel.Core.Calendars;

/// <summary>Says whether an order decided on a bar may be sent when that bar closes (the market may be shut).</summary>
public interface IOrderGate
{
    /// <summary>Null when an order may go out at the close of the bar opened at <paramref name="barTime"/>; otherwise why not.</summary>
    string? Refusal(Symbol symbol, DateTime barTime);
}
