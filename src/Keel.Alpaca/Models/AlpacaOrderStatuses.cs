namespace Keel.Alpaca.Models;

/// <summary>Which statuses end an order's life (Alpaca's "closed"); every other status is open.</summary>
public static class AlpacaOrderStatuses
{
    public static bool IsFinal(AlpacaOrderStatus status) => status is
        AlpacaOrderStatus.Filled or AlpacaOrderStatus.Canceled or AlpacaOrderStatus.Expired
        or AlpacaOrderStatus.Replaced or AlpacaOrderStatus.Rejected;
}
