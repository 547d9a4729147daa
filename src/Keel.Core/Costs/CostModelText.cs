using System.Globalization;

namespace Keel.Core.Costs;

/// <summary>
/// Reads cost models as the CLI and configs write them: slippage <c>none | percent:0.05 | per-share:0.01</c>;
/// commission <c>none | percent:0.1 | per-order:1 | round-trip:5 | per-share:0.005 | alpaca</c>.
/// </summary>
public static class CostModelText
{
    public static ISlippageModel ParseSlippage(string text)
    {
        var (kind, value) = Split(text, "slippage", "none, percent:0.05 or per-share:0.01");
        return kind switch
        {
            "none" => NoSlippage.Instance,
            "percent" => Guard(() => new PercentSlippage(Required(value, text))),
            "per-share" => Guard(() => new PerShareSlippage(Required(value, text))),
            _ => throw new FormatException($"Slippage '{text}' is unknown; use none, percent:0.05 or per-share:0.01."),
        };
    }

    public static ICommissionModel ParseCommission(string text)
    {
        var (kind, value) = Split(text, "commission", "none, percent:0.1, per-order:1, round-trip:5, per-share:0.005 or alpaca");
        return kind switch
        {
            "none" => NoCommission.Instance,
            "percent" => Guard(() => new PercentCommission(Required(value, text))),
            "per-order" => Guard(() => new PerOrderCommission(Required(value, text))),
            "round-trip" => Guard(() => new RoundTripCommission(Required(value, text))),
            "per-share" => Guard(() => new PerShareCommission(Required(value, text))),
            "alpaca" => value is null ? new AlpacaCommission() : Guard(() => new AlpacaCommission(value.Value)),
            _ => throw new FormatException($"Commission '{text}' is unknown; use none, percent:0.1, per-order:1, round-trip:5, per-share:0.005 or alpaca."),
        };
    }

    private static (string Kind, decimal? Value) Split(string text, string what, string forms)
    {
        if (string.IsNullOrWhiteSpace(text)) throw new FormatException($"Empty {what}; use {forms}.");
        var parts = text.Split(':', 2, StringSplitOptions.TrimEntries);
        if (parts.Length == 1) return (parts[0].ToLowerInvariant(), null);
        if (!decimal.TryParse(parts[1], NumberStyles.Number, CultureInfo.InvariantCulture, out var value))
            throw new FormatException($"The {what} '{text}' has a value that is not a number; use {forms}.");
        return (parts[0].ToLowerInvariant(), value);
    }

    private static decimal Required(decimal? value, string text) =>
        value ?? throw new FormatException($"'{text}' needs a value, e.g. {text}:0.1.");

    private static T Guard<T>(Func<T> create)
    {
        try { return create(); }
        catch (ArgumentOutOfRangeException ex) { throw new FormatException(ex.Message.Split(Environment.NewLine)[0], ex); }
    }
}
