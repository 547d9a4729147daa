namespace Keel.Alpaca.Models;

/// <summary>GET /v2/positions. Crypto positions are keyed without the slash (<c>BTCUSD</c>); <see cref="Qty"/> is negative when short.</summary>
public sealed record AlpacaPosition
{
    public string? AssetId { get; init; }
    public string Symbol { get; init; } = "";
    public string? Exchange { get; init; }
    public AlpacaAssetClass AssetClass { get; init; }
    public AlpacaPositionSide Side { get; init; }
    public decimal Qty { get; init; }
    /// <summary>What is not held by open orders; size sells from this (crypto fees shrink it).</summary>
    public decimal? QtyAvailable { get; init; }
    public decimal AvgEntryPrice { get; init; }
    public decimal? MarketValue { get; init; }
    public decimal? CostBasis { get; init; }
    public decimal? UnrealizedPl { get; init; }
    public decimal? UnrealizedPlpc { get; init; }
    public decimal? UnrealizedIntradayPl { get; init; }
    public decimal? UnrealizedIntradayPlpc { get; init; }
    public decimal? CurrentPrice { get; init; }
    public decimal? LastdayPrice { get; init; }
    public decimal? ChangeToday { get; init; }
}
