namespace Keel.Core.Domain;

/// <summary>The unit of a <see cref="Timeframe"/>, named as in Alpaca's bar API.</summary>
public enum TimeframeUnit
{
    Minute,
    Hour,
    Day,
    Week,
    Month,
}
