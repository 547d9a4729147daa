namespace Keel.Alpaca.Models;

/// <summary>Alpaca's error body: an 8-digit code (missing on auth errors) and a message, sometimes with extras.</summary>
public sealed record AlpacaErrorBody
{
    public long? Code { get; init; }
    public string? Message { get; init; }
    public decimal? BuyingPower { get; init; }
    public string? Symbol { get; init; }
    public decimal? Available { get; init; }
    public decimal? Balance { get; init; }
    public decimal? ExistingQty { get; init; }
    public decimal? HeldForOrders { get; init; }
    public string? RejectReason { get; init; }
}
