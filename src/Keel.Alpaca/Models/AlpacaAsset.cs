using System.Text.Json.Serialization;

namespace Keel.Alpaca.Models;

/// <summary>GET /v2/assets. Note the JSON key <c>class</c> for the asset class.</summary>
public sealed record AlpacaAsset
{
    public string Id { get; init; } = "";
    [JsonPropertyName("class")] public AlpacaAssetClass AssetClass { get; init; }
    public string? Exchange { get; init; }
    public string Symbol { get; init; } = "";
    public string? Name { get; init; }
    public string? Status { get; init; }
    public bool Tradable { get; init; }
    public bool Marginable { get; init; }
    public bool Shortable { get; init; }
    public bool EasyToBorrow { get; init; }
    public bool Fractionable { get; init; }
    public decimal? MinOrderSize { get; init; }
    public decimal? MinTradeIncrement { get; init; }
    public decimal? PriceIncrement { get; init; }
    public decimal? MaintenanceMarginRequirement { get; init; }
    public IReadOnlyList<string>? Attributes { get; init; }
}
