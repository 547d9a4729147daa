namespace Keel.Alpaca.Execution;

/// <summary>How the Alpaca execution port polls (and reconciles when streaming), how long it lets an order work, and Alpaca's crypto floor and fee.</summary>
public sealed class AlpacaExecutionOptions
{
    /// <summary>Pause between polls when run with <see cref="AlpacaExecutionPort.RunAsync"/>.</summary>
    public TimeSpan PollInterval { get; set; } = TimeSpan.FromSeconds(1);

    /// <summary>An order still unfilled this long after Alpaca accepted it is cancelled and reported Canceled.</summary>
    public TimeSpan FillTimeout { get; set; } = TimeSpan.FromMinutes(2);

    /// <summary>Crypto orders worth less are skipped before sending (Alpaca paper refuses USD buys under $10).</summary>
    public decimal CryptoMinimumNotional { get; set; } = 10m;

    /// <summary>
    /// Alpaca's crypto fee rate (0.25% is the lowest-volume taker tier). Buys are reported as the quantity
    /// received after the fee, sells as their dollars less it; the fee is the fill's commission. 0 for none.
    /// </summary>
    public decimal CryptoFeeRate { get; set; } = 0.0025m;

    /// <summary>With the trade-updates stream connected, how often every working order is still read over REST (events can be late or missing).</summary>
    public TimeSpan StreamReconcileInterval { get; set; } = TimeSpan.FromSeconds(30);

    /// <summary>Pause before connecting the stream again after it dropped or refused.</summary>
    public TimeSpan StreamReconnectDelay { get; set; } = TimeSpan.FromSeconds(5);

    public void Validate()
    {
        if (PollInterval <= TimeSpan.Zero) throw new InvalidOperationException("PollInterval must be positive.");
        if (FillTimeout <= TimeSpan.Zero) throw new InvalidOperationException("FillTimeout must be positive.");
        if (CryptoMinimumNotional < 0) throw new InvalidOperationException("CryptoMinimumNotional cannot be negative.");
        if (StreamReconcileInterval <= TimeSpan.Zero || StreamReconnectDelay <= TimeSpan.Zero)
            throw new InvalidOperationException("StreamReconcileInterval and StreamReconnectDelay must be positive.");
        if (CryptoFeeRate is < 0 or >= 1) throw new InvalidOperationException("CryptoFeeRate must be at least 0 and under 1.");
    }
}
