namespace Keel.Core.Indicators;

/// <summary>Argument checks shared by the indicators, so that their messages read the same.</summary>
internal static class IndicatorGuard
{
    /// <summary>Ring buffers are allocated up front, so an absurd period would be an absurd allocation.</summary>
    public const int MaxPeriod = 100_000;

    public static void Period(int value, int minimum, string indicator, string parameterName)
    {
        if (value < minimum || value > MaxPeriod)
            throw new ArgumentOutOfRangeException(parameterName, value,
                $"{indicator} {parameterName} must be between {minimum} and {MaxPeriod}, got {value}.");
    }

    /// <summary>One NaN or infinity would poison running sums until the next recomputation, so refuse it.</summary>
    public static void FiniteInput(double input, string indicator)
    {
        if (!double.IsFinite(input))
            throw new ArgumentOutOfRangeException(nameof(input), input, $"{indicator}: inputs must be finite numbers, got {input}.");
    }
}
