namespace Keel.Core.Risk;

/// <summary>
/// Limits enforced by the kernel on every order, whatever the strategy says. Percents are in
/// percent (2 = 2%). Null means "no limit".
/// </summary>
public sealed record RiskConfig
{
    public Sizing Sizing { get; init; } = Sizing.Default;

    /// <summary>Sizing for crypto symbols when it must differ from <see cref="Sizing"/> (a fixed 10 shares is not 10 BTC); null uses <see cref="Sizing"/>.</summary>
    public Sizing? CryptoSizing { get; init; }

    public Sizing SizingFor(Domain.Symbol symbol) => symbol.IsCrypto && CryptoSizing is { } crypto ? crypto : Sizing;

    /// <summary>
    /// A hard cap on the QUANTITY (shares or coins, not dollars) held per strategy and symbol; larger
    /// entries are cut down to it and the cut is recorded.
    /// </summary>
    public decimal? MaxPositionSize { get; init; }

    /// <summary>A cap on one order's notional at the reference price; larger orders are cut down.</summary>
    public decimal? MaxNotionalPerOrder { get; init; }

    /// <summary>At most this many (strategy, symbol) positions open or being opened at once.</summary>
    public int? MaxOpenPositions { get; init; }

    /// <summary>Stop loss below the entry's fill price, in percent.</summary>
    public decimal? StopLossPercent { get; init; }

    /// <summary>Take profit above the entry's fill price, in percent.</summary>
    public decimal? TakeProfitPercent { get; init; }

    /// <summary>Trailing stop below the highest price since entry, in percent.</summary>
    public decimal? TrailingStopPercent { get; init; }

    /// <summary>
    /// When equity falls this many percent below the start-of-day equity, new entries are refused for
    /// the rest of the trading day (exits still run).
    /// </summary>
    public decimal? DailyLossLimitPercent { get; init; }

    /// <summary>
    /// Scale each entry's quantity by the signal's confidence (an ensemble whose members disagree asks
    /// for less). Off by default: a confidence of 0.5 would otherwise halve every position.
    /// </summary>
    public bool ScaleSizeByConfidence { get; init; }

    /// <summary>Every problem with this configuration, in words a user can act on; empty when valid.</summary>
    public IReadOnlyList<string> Problems()
    {
        var problems = new List<string>();
        void Percent(string name, decimal? value, decimal max = 100)
        {
            if (value is { } v && (v <= 0 || v > max)) problems.Add($"{name} must be above 0 and at most {max}, got {v}");
        }
        Percent("StopLossPercent", StopLossPercent, 99.99m);
        Percent("TakeProfitPercent", TakeProfitPercent, 10_000m);
        Percent("TrailingStopPercent", TrailingStopPercent, 99.99m);
        Percent("DailyLossLimitPercent", DailyLossLimitPercent);
        if (MaxPositionSize is <= 0) problems.Add($"MaxPositionSize must be positive, got {MaxPositionSize}");
        if (MaxNotionalPerOrder is <= 0) problems.Add($"MaxNotionalPerOrder must be positive, got {MaxNotionalPerOrder}");
        if (MaxOpenPositions is <= 0) problems.Add($"MaxOpenPositions must be positive, got {MaxOpenPositions}");
        if ((Sizing.Method == SizingMethod.RiskPercent || CryptoSizing?.Method == SizingMethod.RiskPercent) && StopLossPercent is null)
            problems.Add("risk sizing needs a stop loss (set StopLossPercent / --stop-loss) to know the distance at risk");
        return problems;
    }

    public void Validate()
    {
        var problems = Problems();
        if (problems.Count > 0) throw new ArgumentException("Invalid risk configuration: " + string.Join("; ", problems) + ".");
    }
}
