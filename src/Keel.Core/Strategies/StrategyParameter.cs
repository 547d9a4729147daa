namespace Keel.Core.Strategies;

/// <summary>One tunable number of a strategy, with its default and the range a value must fall in.</summary>
public sealed record StrategyParameter(string Name, double Default, double Min, double Max, bool IsInteger, string Description)
{
    /// <summary>Why <paramref name="value"/> is not acceptable, or null.</summary>
    public string? Check(double value)
    {
        if (!double.IsFinite(value)) return $"{Name} must be a finite number";
        if (IsInteger && value != Math.Floor(value)) return $"{Name} must be a whole number, got {Format(value)}";
        if (value < Min || value > Max) return $"{Name} must be between {Format(Min)} and {Format(Max)}, got {Format(value)}";
        return null;
    }

    internal static string Format(double value) => value.ToString("0.##########", System.Globalization.CultureInfo.InvariantCulture);
}
