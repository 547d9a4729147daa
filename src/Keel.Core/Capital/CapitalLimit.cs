using System.Globalization;

namespace Keel.Core.Capital;

/// <summary>
/// The capital stage in force: at most <see cref="Percent"/> of the account's equity may be at risk in
/// total (positions at their marks plus entries still working). Stage numbers start at 1.
/// </summary>
public sealed record CapitalLimit(int Stage, decimal Percent)
{
    /// <summary>The dollars this stage allows in total at <paramref name="equity"/>.</summary>
    public decimal AllowedExposure(decimal equity) => equity * Percent / 100m;

    public override string ToString() => string.Create(CultureInfo.InvariantCulture, $"capital stage {Stage} ({Percent}% of equity)");
}
