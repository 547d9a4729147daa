using System.Globalization;

namespace Keel.Core.Indicators;

/// <summary>
/// Turns text such as <c>sma:20</c>, <c>macd:12:26:9</c> or <c>bbands:20:2.5</c> into indicators, and
/// <c>sma:20,ema:20,rsi:14</c> into a list of them. Names are case-insensitive; trailing parameters
/// may be left out and take their defaults:
/// <list type="bullet">
/// <item>sma, ema, wma, stddev, zscore: period 20 (the customary Bollinger/monthly window);</item>
/// <item>rsi, atr: period 14 (Wilder's choice);</item>
/// <item>roc: period 10 (TA-Lib's default);</item>
/// <item>macd: 12:26:9 (Appel's fast:slow:signal);</item>
/// <item>bbands: 20:2 (Bollinger's period:k).</item>
/// </list>
/// Bad text throws <see cref="FormatException"/> naming the offending spec and listing what is known.
/// </summary>
public static class IndicatorSpec
{
    private sealed record Parameter(string Name, double Default, bool IsWholeNumber = true);

    private sealed record Definition(string Name, Parameter[] Parameters, Func<double[], IIndicator> Create)
    {
        /// <summary>Such as <c>macd:fast:slow:signal (default macd:12:26:9)</c>.</summary>
        public string Usage
        {
            get
            {
                var names = string.Concat(Parameters.Select(p => ":" + p.Name));
                var defaults = string.Concat(Parameters.Select(p => ":" + p.Default.ToString(CultureInfo.InvariantCulture)));
                return $"{Name}{names} (default {Name}{defaults})";
            }
        }
    }

    private static readonly Parameter Period20 = new("period", 20);

    private static readonly Definition[] Definitions =
    [
        new("sma", [Period20], p => new Sma((int)p[0])),
        new("ema", [Period20], p => new Ema((int)p[0])),
        new("wma", [Period20], p => new Wma((int)p[0])),
        new("rsi", [new("period", 14)], p => new Rsi((int)p[0])),
        new("macd", [new("fast", 12), new("slow", 26), new("signal", 9)], p => new Macd((int)p[0], (int)p[1], (int)p[2])),
        new("bbands", [Period20, new("k", 2, IsWholeNumber: false)], p => new BollingerBands((int)p[0], p[1])),
        new("atr", [new("period", 14)], p => new Atr((int)p[0])),
        new("stddev", [Period20], p => new RollingStdDev((int)p[0])),
        new("zscore", [Period20], p => new ZScore((int)p[0])),
        new("roc", [new("period", 10)], p => new RateOfChange((int)p[0])),
    ];

    /// <summary>The known specs with their parameters and defaults, for help texts.</summary>
    public static IReadOnlyList<string> Known { get; } = Array.AsReadOnly(Definitions.Select(d => d.Usage).ToArray());

    /// <summary>Parses one spec such as <c>rsi:14</c> into a new indicator.</summary>
    public static IIndicator Parse(string spec)
    {
        ArgumentNullException.ThrowIfNull(spec);
        var token = spec.Trim();
        if (token.Length == 0) throw Bad(token, "it is empty");

        var parts = token.Split(':');
        var name = parts[0].Trim().ToLowerInvariant();
        var definition = Array.Find(Definitions, d => d.Name == name)
            ?? throw Bad(token, $"'{parts[0].Trim()}' is not a known indicator");
        if (parts.Length - 1 > definition.Parameters.Length)
            throw Bad(token, $"{name} takes at most {definition.Parameters.Length} parameter(s): {definition.Usage}");

        var values = new double[definition.Parameters.Length];
        for (var i = 0; i < values.Length; i++)
        {
            var parameter = definition.Parameters[i];
            values[i] = i + 1 < parts.Length ? ParseNumber(token, parameter, parts[i + 1].Trim()) : parameter.Default;
        }

        try
        {
            return definition.Create(values);
        }
        catch (ArgumentException ex)
        {
            throw Bad(token, ReasonOf(ex), ex);
        }
    }

    /// <summary>
    /// Parses a comma-separated list such as <c>sma:20,ema:20,rsi:14</c>. Two specs that would produce
    /// the same output (the same column) are refused.
    /// </summary>
    public static IReadOnlyList<IIndicator> ParseList(string specs)
    {
        ArgumentNullException.ThrowIfNull(specs);
        var indicators = new List<IIndicator>();
        var outputs = new HashSet<string>(StringComparer.Ordinal);
        foreach (var item in specs.Split(','))
        {
            var indicator = Parse(item);
            foreach (var output in indicator.OutputNames)
            {
                if (!outputs.Add(output))
                    throw Bad(item.Trim(), $"it repeats output {output} of an earlier spec in '{specs}'");
            }
            indicators.Add(indicator);
        }
        return indicators;
    }

    private static double ParseNumber(string token, Parameter parameter, string text)
    {
        if (parameter.IsWholeNumber)
        {
            if (int.TryParse(text, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var whole)) return whole;
            throw Bad(token, $"{parameter.Name} '{text}' is not a whole number");
        }
        if (double.TryParse(text, NumberStyles.AllowLeadingSign | NumberStyles.AllowDecimalPoint, CultureInfo.InvariantCulture, out var number))
            return number;
        throw Bad(token, $"{parameter.Name} '{text}' is not a number");
    }

    private static FormatException Bad(string token, string reason, Exception? inner = null) =>
        new($"Bad indicator spec '{token}': {reason}. Known indicators: {string.Join(", ", Known)}.", inner);

    /// <summary>An argument exception's message without the "(Parameter ...)" and "Actual value" decorations.</summary>
    private static string ReasonOf(ArgumentException ex)
    {
        var message = ex.Message.Split('\n')[0].TrimEnd('\r');
        var decoration = $" (Parameter '{ex.ParamName}')";
        if (message.EndsWith(decoration, StringComparison.Ordinal)) message = message[..^decoration.Length];
        return message.TrimEnd('.');
    }
}
