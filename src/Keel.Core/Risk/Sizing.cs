using System.Globalization;

namespace Keel.Core.Risk;

/// <summary>
/// How big an entry is: <c>percent:95</c> (95% of equity), <c>fixed:100</c> (100 shares or coins),
/// <c>risk:1</c> (1% of equity lost if the stop loss is hit; needs a stop loss).
/// </summary>
public sealed record Sizing(SizingMethod Method, decimal Value)
{
    public static Sizing Default { get; } = new(SizingMethod.PercentOfEquity, 95m);

    public static Sizing Parse(string text)
    {
        var parts = (text ?? "").Split(':', 2, StringSplitOptions.TrimEntries);
        if (parts.Length != 2 || !decimal.TryParse(parts[1], NumberStyles.Number, CultureInfo.InvariantCulture, out var value))
            throw new FormatException($"Sizing '{text}' is not valid; use percent:95, fixed:100 or risk:1.");
        var method = parts[0].ToLowerInvariant() switch
        {
            "percent" => SizingMethod.PercentOfEquity,
            "fixed" => SizingMethod.FixedQuantity,
            "risk" => SizingMethod.RiskPercent,
            _ => throw new FormatException($"Sizing method '{parts[0]}' is unknown; use percent, fixed or risk."),
        };
        if (value <= 0) throw new FormatException($"Sizing '{text}': the value must be positive.");
        if (method != SizingMethod.FixedQuantity && value > 100)
            throw new FormatException($"Sizing '{text}': a percent must be at most 100.");
        return new Sizing(method, value);
    }

    public override string ToString() => Method switch
    {
        SizingMethod.PercentOfEquity => "percent:",
        SizingMethod.FixedQuantity => "fixed:",
        _ => "risk:",
    } + Value.ToString(CultureInfo.InvariantCulture);
}
