using System.Globalization;
using Keel.Core.Strategies;

namespace Keel.Core.Research;

/// <summary>
/// Every combination of parameter values a sweep should run, parsed from text such as
/// <c>period=7..21:7,oversold=20..35:5</c> and checked against a strategy's definition.
/// </summary>
/// <remarks>
/// <para>Each comma-separated item is <c>name=values</c>, where values is a single number
/// (<c>fast=10</c>), a list (<c>fast=5|10|20</c>) or an inclusive range <c>a..b:step</c>
/// (<c>period=7..21:7</c> is 7, 14, 21; the step defaults to 1; a range stops at the last value not past
/// b). Parameters not named keep their default. Every value must pass the parameter's own check
/// (range, whole number for integer parameters); any mistake is a <see cref="FormatException"/> that
/// says what to fix.</para>
/// <para>Combinations are enumerated in a fixed order: parameters in the definition's order, the last
/// one changing fastest, values in the order written. Combinations that fail the definition's check
/// across parameters (e.g. fast ≥ slow) are not in <see cref="Specs"/> and are counted in
/// <see cref="SkippedInvalid"/>.</para>
/// </remarks>
public sealed class ParameterGrid
{
    /// <summary>Refuses grids larger than this, which would be a typo rather than a plan.</summary>
    public const long MaxCombinations = 1_000_000;

    public StrategyDefinition Definition { get; }

    /// <summary>One axis per parameter of the definition, in its order (single-valued when not swept).</summary>
    public IReadOnlyList<ParameterAxis> Axes { get; }

    /// <summary>The valid combinations, in enumeration order.</summary>
    public IReadOnlyList<StrategySpec> Specs { get; }

    /// <summary>The number of valid combinations: the runs a sweep makes.</summary>
    public int Count => Specs.Count;

    /// <summary>Combinations dropped because they fail the definition's cross-parameter check.</summary>
    public int SkippedInvalid { get; }

    /// <summary>All combinations, valid or not: the product of the axes' sizes.</summary>
    public long Combinations => Count + SkippedInvalid;

    private ParameterGrid(StrategyDefinition definition, IReadOnlyList<ParameterAxis> axes, IReadOnlyList<StrategySpec> specs, int skippedInvalid)
    {
        Definition = definition;
        Axes = axes;
        Specs = specs;
        SkippedInvalid = skippedInvalid;
    }

    public static ParameterGrid Parse(string text, StrategyDefinition definition)
    {
        ArgumentNullException.ThrowIfNull(text);
        ArgumentNullException.ThrowIfNull(definition);
        var given = new Dictionary<string, IReadOnlyList<double>>(StringComparer.Ordinal);
        foreach (var item in text.Split(',', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries))
        {
            var eq = item.IndexOf('=');
            if (eq <= 0 || eq == item.Length - 1)
                throw Error(definition, $"'{item}' is not name=values (values: 10, 5|10|20 or 7..21:7)");
            var name = item[..eq].Trim().ToLowerInvariant();
            var parameter = definition.Parameters.FirstOrDefault(p => p.Name == name)
                ?? throw Error(definition, $"no parameter '{name}'; its parameters are: {definition.ParameterList()}");
            if (given.ContainsKey(name)) throw Error(definition, $"{name} is given twice");
            given[name] = ParseValues(definition, parameter, item[(eq + 1)..].Trim(), item);
        }

        var axes = definition.Parameters
            .Select(p => new ParameterAxis(p.Name, given.TryGetValue(p.Name, out var values) ? values : [p.Default]))
            .ToList();
        var combinations = axes.Aggregate(1L, (product, axis) => product * axis.Values.Count);
        if (combinations > MaxCombinations)
            throw Error(definition, $"the grid has {combinations:N0} combinations; at most {MaxCombinations:N0} are allowed — use coarser steps");

        var specs = new List<StrategySpec>();
        var skipped = 0;
        var index = new int[axes.Count];
        for (var c = 0L; c < combinations; c++)
        {
            var values = new Dictionary<string, double>(StringComparer.Ordinal);
            for (var a = 0; a < axes.Count; a++) values[axes[a].Name] = axes[a].Values[index[a]];
            var spec = definition.TryConfigureChecked(values, out _);
            if (spec is null) skipped++;
            else specs.Add(spec);
            // Odometer: the last axis turns fastest.
            for (var a = axes.Count - 1; a >= 0; a--)
            {
                if (++index[a] < axes[a].Values.Count) break;
                index[a] = 0;
            }
        }
        return new ParameterGrid(definition, axes, specs, skipped);
    }

    private static List<double> ParseValues(StrategyDefinition definition, StrategyParameter parameter, string text, string item)
    {
        List<double> values;
        if (text.Contains('|'))
        {
            values = text.Split('|', StringSplitOptions.TrimEntries).Select(v => Number(definition, v, item)).ToList();
            var repeated = values.GroupBy(v => v).FirstOrDefault(g => g.Count() > 1);
            if (repeated is not null) throw Error(definition, $"in '{item}': {StrategyParameter.Format(repeated.Key)} is listed twice");
        }
        else if (text.Contains(".."))
        {
            values = Range(definition, text, item);
        }
        else
        {
            values = [Number(definition, text, item)];
        }
        foreach (var value in values)
        {
            var error = parameter.Check(value);
            if (error is not null) throw Error(definition, $"in '{item}': {error}");
        }
        return values;
    }

    /// <summary><c>a..b</c> or <c>a..b:step</c>, inclusive of b when a whole number of steps reaches it.</summary>
    private static List<double> Range(StrategyDefinition definition, string text, string item)
    {
        var dots = text.IndexOf("..", StringComparison.Ordinal);
        var from = Number(definition, text[..dots], item);
        var rest = text[(dots + 2)..];
        var colon = rest.IndexOf(':');
        var to = Number(definition, colon < 0 ? rest : rest[..colon], item);
        var step = colon < 0 ? 1 : Number(definition, rest[(colon + 1)..], item);
        if (step <= 0) throw Error(definition, $"in '{item}': the step must be positive, got {StrategyParameter.Format(step)}");
        if (to < from) throw Error(definition, $"in '{item}': the range is empty ({StrategyParameter.Format(from)} > {StrategyParameter.Format(to)}); write the smaller bound first");
        // A whole number of steps, tolerant of binary fractions (0.1..0.3:0.1 has three values).
        var count = Math.Floor((to - from) / step + 1e-9) + 1;
        if (count > MaxCombinations) throw Error(definition, $"in '{item}': {count:N0} values; use a larger step");
        var values = new List<double>((int)count);
        for (var i = 0; i < (int)count; i++) values.Add(Math.Round(from + i * step, 10));
        return values;
    }

    private static double Number(StrategyDefinition definition, string text, string item)
    {
        var trimmed = text.Trim();
        if (!double.TryParse(trimmed, NumberStyles.Float, CultureInfo.InvariantCulture, out var value) || !double.IsFinite(value))
            throw Error(definition, $"in '{item}': '{trimmed}' is not a number");
        return value;
    }

    private static FormatException Error(StrategyDefinition definition, string message) => new($"Strategy '{definition.Name}': {message}.");
}
