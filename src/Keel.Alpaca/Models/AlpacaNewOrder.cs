using System.Text.Json.Serialization;

namespace Keel.Alpaca.Models;

/// <summary>
/// The body of POST /v2/orders. Give exactly one of <see cref="Qty"/> and <see cref="Notional"/>.
/// Unset fields are left out of the JSON. A missing <see cref="ClientOrderId"/> is filled in by the
/// client before sending, because recovering from a lost response needs it.
/// </summary>
public sealed record AlpacaNewOrder
{
    public required string Symbol { get; init; }
    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] public decimal? Qty { get; init; }
    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] public decimal? Notional { get; init; }
    public required AlpacaOrderSide Side { get; init; }
    public AlpacaOrderType Type { get; init; } = AlpacaOrderType.Market;
    public AlpacaTimeInForce TimeInForce { get; init; } = AlpacaTimeInForce.Day;
    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] public decimal? LimitPrice { get; init; }
    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] public decimal? StopPrice { get; init; }
    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] public decimal? TrailPrice { get; init; }
    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] public decimal? TrailPercent { get; init; }
    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingDefault)] public bool ExtendedHours { get; init; }
    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] public string? ClientOrderId { get; init; }
    /// <summary>Unknown (the default) is left out, which Alpaca reads as simple.</summary>
    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingDefault)] public AlpacaOrderClass OrderClass { get; init; }
    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] public AlpacaTakeProfit? TakeProfit { get; init; }
    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] public AlpacaStopLoss? StopLoss { get; init; }
}

/// <summary>The take-profit leg of a bracket, OCO or OTO order.</summary>
public sealed record AlpacaTakeProfit
{
    public decimal LimitPrice { get; init; }
}

/// <summary>The stop-loss leg; with a <see cref="LimitPrice"/> it becomes a stop-limit.</summary>
public sealed record AlpacaStopLoss
{
    public decimal StopPrice { get; init; }
    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] public decimal? LimitPrice { get; init; }
}
