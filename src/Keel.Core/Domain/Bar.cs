namespace Keel.Core.Domain;

/// <summary>
/// One OHLCV bar. <see cref="Timestamp"/> is the bar's open time in UTC. Prices are doubles because
/// they feed indicator math; anything that reaches the ledger is converted to decimal at the fill.
/// The constructor refuses impossible bars, so a <see cref="Bar"/> that exists is always valid.
/// </summary>
public readonly record struct Bar
{
    public DateTime Timestamp { get; }
    public double Open { get; }
    public double High { get; }
    public double Low { get; }
    public double Close { get; }
    public double Volume { get; }

    public Bar(DateTime timestamp, double open, double high, double low, double close, double volume)
    {
        var error = Validate(timestamp, open, high, low, close, volume);
        if (error is not null) throw new ArgumentException(error);
        Timestamp = timestamp;
        Open = open;
        High = high;
        Low = low;
        Close = close;
        Volume = volume;
    }

    /// <summary>A bar whose values <see cref="BarColumns"/> has checked already, as <see cref="Validate"/> would.</summary>
    internal Bar(long utcTicks, double open, double high, double low, double close, double volume, bool isChecked)
    {
        System.Diagnostics.Debug.Assert(isChecked);
        Timestamp = new DateTime(utcTicks, DateTimeKind.Utc);
        Open = open;
        High = high;
        Low = low;
        Close = close;
        Volume = volume;
    }

    /// <summary>
    /// Why these values cannot form a bar, or null when they can. Loaders call this so that they can
    /// attach the file and line to the message instead of catching an exception per row.
    /// </summary>
    public static string? Validate(DateTime timestamp, double open, double high, double low, double close, double volume)
    {
        if (timestamp.Kind != DateTimeKind.Utc)
            return $"timestamp {timestamp:O} must be UTC (Kind={timestamp.Kind})";
        if (!double.IsFinite(open) || !double.IsFinite(high) || !double.IsFinite(low) || !double.IsFinite(close))
            return $"prices must be finite numbers (open={open}, high={high}, low={low}, close={close})";
        if (open <= 0 || high <= 0 || low <= 0 || close <= 0)
            return $"prices must be positive (open={open}, high={high}, low={low}, close={close})";
        if (high < low)
            return $"high {high} is below low {low}";
        if (open > high || open < low)
            return $"open {open} is outside the bar's range [{low}, {high}]";
        if (close > high || close < low)
            return $"close {close} is outside the bar's range [{low}, {high}]";
        if (!double.IsFinite(volume) || volume < 0)
            return $"volume must be a finite non-negative number (volume={volume})";
        return null;
    }

    public override string ToString() => $"{Timestamp:yyyy-MM-ddTHH:mm:ssZ} O={Open} H={High} L={Low} C={Close} V={Volume}";
}
