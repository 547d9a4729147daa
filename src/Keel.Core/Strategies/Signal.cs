namespace Keel.Core.Strategies;

/// <summary>
/// A strategy's decision on one bar. <see cref="Reason"/> names the indicator values behind a buy or
/// sell so the journal can explain every trade; holds carry no reason so the hot path allocates nothing.
/// </summary>
public readonly record struct Signal
{
    public SignalAction Action { get; }

    /// <summary>How sure the strategy is, in [0, 1]; ensembles weigh votes by it.</summary>
    public double Confidence { get; }

    public string? Reason { get; }

    private Signal(SignalAction action, double confidence, string? reason)
    {
        if (!(confidence >= 0 && confidence <= 1))
            throw new ArgumentOutOfRangeException(nameof(confidence), confidence, "Confidence must be within [0, 1].");
        Action = action;
        Confidence = confidence;
        Reason = reason;
    }

    public static Signal Hold => default;

    public static Signal Buy(double confidence, string reason) => new(SignalAction.Buy, confidence, reason ?? throw new ArgumentNullException(nameof(reason)));

    public static Signal Sell(double confidence, string reason) => new(SignalAction.Sell, confidence, reason ?? throw new ArgumentNullException(nameof(reason)));

    public bool IsHold => Action == SignalAction.Hold;

    public override string ToString() => IsHold ? "hold" : $"{Action.ToString().ToLowerInvariant()} ({Confidence:0.##}): {Reason}";
}
