namespace Keel.Alpaca.Models;

/// <summary>One page of GET /v2/stocks/{symbol}/bars; <see cref="Bars"/> is null when there are none.</summary>
public sealed record AlpacaSymbolBarsPage
{
    public IReadOnlyList<AlpacaBar>? Bars { get; init; }
    public string? Symbol { get; init; }
    public string? NextPageToken { get; init; }
}

/// <summary>One page of the multi-symbol bars endpoints (stocks and crypto), keyed by symbol; symbols without data are left out.</summary>
public sealed record AlpacaMultiBarsPage
{
    public IReadOnlyDictionary<string, IReadOnlyList<AlpacaBar>>? Bars { get; init; }
    public string? NextPageToken { get; init; }
}
