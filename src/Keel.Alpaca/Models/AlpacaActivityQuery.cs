namespace Keel.Alpaca.Models;

/// <summary>Filters of GET /v2/account/activities/FILL; paging continues from <see cref="PageToken"/> (the last id received).</summary>
public sealed record AlpacaActivityQuery
{
    public DateTimeOffset? After { get; init; }
    public DateTimeOffset? Until { get; init; }
    public AlpacaSortDirection Direction { get; init; } = AlpacaSortDirection.Desc;
    /// <summary>At most 100.</summary>
    public int PageSize { get; init; } = 100;
    public string? PageToken { get; init; }
}
