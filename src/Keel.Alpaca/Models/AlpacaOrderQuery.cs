namespace Keel.Alpaca.Models;

/// <summary>Filters of GET /v2/orders. <see cref="After"/>/<see cref="Until"/> are exclusive bounds on submission time.</summary>
public sealed record AlpacaOrderQuery
{
    /// <summary>"open" (Alpaca's default), "closed" or "all".</summary>
    public string Status { get; init; } = "open";
    /// <summary>At most 500; Alpaca's default is 50.</summary>
    public int Limit { get; init; } = 500;
    public DateTimeOffset? After { get; init; }
    public DateTimeOffset? Until { get; init; }
    public AlpacaSortDirection Direction { get; init; } = AlpacaSortDirection.Desc;
    public bool Nested { get; init; }
    public AlpacaOrderSide? Side { get; init; }
    public IReadOnlyList<string>? Symbols { get; init; }
}
