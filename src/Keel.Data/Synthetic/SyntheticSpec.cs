using Keel.Core.Domain;

namespace Keel.Data.Synthetic;

/// <summary>
/// What a synthetic series should look like. Volatility and drift are annual and in log terms;
/// the asset class of <see cref="Symbol"/> decides the calendar (NYSE sessions or 24/7).
/// </summary>
public sealed record SyntheticSpec(Symbol Symbol, ulong Seed, double StartPrice, double AnnualVolatility)
{
    /// <summary>Long-run log drift per year; trending regimes add or subtract from it equally often.</summary>
    public double AnnualDrift { get; init; } = 0.07;

    /// <summary>Typical volume of a whole day (shares or coins); minute bars get a share of it.</summary>
    public double DailyVolume { get; init; } = 1_000_000;

    /// <summary>Prices are rounded to this many decimals (2: cents), so files hold clean price text.</summary>
    public int PriceDecimals { get; init; } = 2;

    /// <summary>Volumes are rounded to this many decimals (0 for shares, more for fractional coins).</summary>
    public int VolumeDecimals { get; init; }
}
