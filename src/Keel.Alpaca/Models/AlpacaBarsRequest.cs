using Keel.Core.Domain;

namespace Keel.Alpaca.Models;

/// <summary>
/// Parameters of the bars endpoints. Alpaca's defaults apply to what is left null: start of today,
/// end now, limit 1000 (counted across symbols), raw adjustment, iex feed on free plans.
/// </summary>
public sealed record AlpacaBarsRequest
{
    public required Timeframe Timeframe { get; init; }
    public DateTimeOffset? Start { get; init; }
    public DateTimeOffset? End { get; init; }
    /// <summary>1 to 10000 bars per page.</summary>
    public int? Limit { get; init; }
    /// <summary>raw, split, dividend or all (stocks only).</summary>
    public string? Adjustment { get; init; }
    /// <summary>iex, sip, delayed_sip, otc, boats, overnight (stocks only).</summary>
    public string? Feed { get; init; }
    public AlpacaSortDirection? Sort { get; init; }
}
