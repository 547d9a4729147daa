namespace Keel.Alpaca.Models;

/// <summary>
/// A CFEE (crypto fee) account activity. Alpaca takes a crypto buy's fee in the coin received and a
/// sell's fee in the dollars received: a buy shows a negative <see cref="Qty"/> of the coin and a zero
/// <see cref="NetAmount"/>; a sell shows the dollars taken as a negative <see cref="NetAmount"/>.
/// </summary>
public sealed record AlpacaFeeActivity
{
    public string Id { get; init; } = "";
    public string ActivityType { get; init; } = "";
    public DateOnly Date { get; init; }
    public DateTimeOffset? TransactionTime { get; init; }
    public string? Symbol { get; init; }
    /// <summary>The coin taken as the fee (negative), zero when the fee was taken in dollars.</summary>
    public decimal? Qty { get; init; }
    public decimal? Price { get; init; }
    /// <summary>Dollars taken as the fee (negative), zero when the fee was taken in the coin.</summary>
    public decimal NetAmount { get; init; }
    public string? Description { get; init; }
    public string? Status { get; init; }
    /// <summary>The order whose execution was charged.</summary>
    public string? OrderId { get; init; }
}
