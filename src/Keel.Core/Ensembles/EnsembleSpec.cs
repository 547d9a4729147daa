using System.Globalization;
using Keel.Core.Strategies;

namespace Keel.Core.Ensembles;

/// <summary>
/// An ensemble as text names it: its options and its members' specs. Creates fresh, independent
/// <see cref="EnsembleStrategy"/> instances (one per symbol, e.g. through the backtester's factory
/// overload); <see cref="ToString"/> is the canonical text form.
/// </summary>
/// <remarks>
/// <para>Text form: <c>ensemble(options)[member|member|...]</c>, e.g.
/// <c>ensemble(method=consensus,min=2)[sma-crossover:fast=10,slow=30|rsi|macd]</c>. The options in
/// parentheses may be left out (<c>ensemble[rsi|macd]</c>); each member is a registry spec
/// (<c>name:key=value,...</c>), members separated by <c>|</c>. Brackets and bars keep the members'
/// own colons and commas apart, and no <c>;</c> is used, so a <c>;</c>-separated list of strategies can
/// hold an ensemble as one of its parts.</para>
/// <para>Options: <c>method</c> = consensus | weighted (performance-weighted) | confidence
/// (confidence-scored); <c>min</c> (consensus: members that must agree, default 2); <c>threshold</c>
/// (weighted/confidence: default 0.5); <c>entry</c> (a separate, e.g. higher, bar for buys: a member
/// count for consensus, a threshold otherwise); <c>conflict</c> = skip | reduce; <c>window</c> (bars of
/// hypothetical returns for the performance weights and the member correlation, default 20).</para>
/// </remarks>
public sealed class EnsembleSpec : IStrategySpec
{
    private const string Keyword = "ensemble";

    public EnsembleOptions Options { get; }
    public IReadOnlyList<StrategySpec> Members { get; }

    public EnsembleSpec(IReadOnlyList<StrategySpec> members, EnsembleOptions options)
    {
        ArgumentNullException.ThrowIfNull(members);
        ArgumentNullException.ThrowIfNull(options);
        if (members.Count < 2) throw new FormatException($"An ensemble needs at least 2 members, got {members.Count}.");
        var error = options.Check(members.Count);
        if (error is not null) throw new FormatException($"Ensemble: {error}.");
        Members = members;
        Options = options;
    }

    public string Text => ToString();

    public string ShortName => $"ensemble({Options.Method.ToString().ToLowerInvariant()}{(Options.Votes == VoteSource.Stances ? ", stances" : "")})";

    IStrategy IStrategySpec.Create() => Create();

    public EnsembleStrategy Create() => new(Members.Select(m => m.Create()).ToList(), Options, ToString());

    /// <summary>True when <paramref name="text"/> is in the ensemble form rather than a registry spec.</summary>
    public static bool IsEnsemble(string text)
    {
        var t = text.AsSpan().Trim();
        return t.StartsWith(Keyword, StringComparison.OrdinalIgnoreCase)
            && t.Length > Keyword.Length
            && t[Keyword.Length] is '(' or '[';
    }

    public static EnsembleSpec Parse(string text, StrategyRegistry registry)
    {
        ArgumentNullException.ThrowIfNull(registry);
        if (string.IsNullOrWhiteSpace(text) || !IsEnsemble(text))
            throw new FormatException($"'{text}' is not an ensemble; write ensemble(method=consensus,min=2)[sma-crossover|rsi|macd].");
        var body = text.Trim()[Keyword.Length..];

        var options = new Dictionary<string, string>(StringComparer.Ordinal);
        if (body.StartsWith('('))
        {
            var close = body.IndexOf(')');
            if (close < 0) throw new FormatException("Ensemble: the options '(' is never closed with ')'.");
            foreach (var raw in body[1..close].Split(',', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries))
            {
                var eq = raw.IndexOf('=');
                if (eq <= 0 || eq == raw.Length - 1) throw new FormatException($"Ensemble: option '{raw}' is not key=value.");
                var key = raw[..eq].Trim().ToLowerInvariant();
                if (!options.TryAdd(key, raw[(eq + 1)..].Trim())) throw new FormatException($"Ensemble: option {key} is given twice.");
            }
            body = body[(close + 1)..].TrimStart();
        }
        if (!body.StartsWith('[') || !body.EndsWith(']'))
            throw new FormatException("Ensemble: the members must follow in brackets, separated by '|', e.g. [sma-crossover|rsi|macd].");
        var members = body[1..^1].Split('|', StringSplitOptions.TrimEntries)
            .Select(member => member.Length == 0
                ? throw new FormatException("Ensemble: a member between '|' is empty.")
                : registry.Parse(member))
            .ToList();
        return new EnsembleSpec(members, ReadOptions(options));
    }

    private static EnsembleOptions ReadOptions(Dictionary<string, string> given)
    {
        var result = new EnsembleOptions();
        if (given.TryGetValue("method", out var method))
        {
            result = result with
            {
                Method = method.ToLowerInvariant() switch
                {
                    "consensus" => VotingMethod.Consensus,
                    "weighted" or "performance-weighted" => VotingMethod.PerformanceWeighted,
                    "confidence" or "confidence-scored" => VotingMethod.ConfidenceScored,
                    _ => throw new FormatException($"Ensemble: method '{method}' is unknown; use consensus, weighted or confidence."),
                },
            };
        }
        var consensus = result.Method == VotingMethod.Consensus;
        foreach (var (key, value) in given)
        {
            switch (key)
            {
                case "method":
                    break;
                case "min" when consensus:
                    result = result with { MinAgree = Whole(key, value) };
                    break;
                case "min":
                    throw new FormatException("Ensemble: min applies to method=consensus; weighted and confidence use threshold.");
                case "threshold" when !consensus:
                    result = result with { Threshold = Number(key, value) };
                    break;
                case "threshold":
                    throw new FormatException("Ensemble: threshold applies to method=weighted or confidence; consensus uses min.");
                case "entry":
                    result = consensus ? result with { EntryMinAgree = Whole(key, value) } : result with { EntryThreshold = Number(key, value) };
                    break;
                case "conflict":
                    result = result with
                    {
                        Conflict = value.ToLowerInvariant() switch
                        {
                            "skip" => ConflictPolicy.Skip,
                            "reduce" or "reduce-size" => ConflictPolicy.ReduceSize,
                            _ => throw new FormatException($"Ensemble: conflict '{value}' is unknown; use skip or reduce."),
                        },
                    };
                    break;
                case "window":
                    result = result with { Window = Whole(key, value) };
                    break;
                case "votes":
                    result = result with
                    {
                        Votes = value.ToLowerInvariant() switch
                        {
                            "signals" or "signal" => VoteSource.Signals,
                            "stances" or "stance" => VoteSource.Stances,
                            _ => throw new FormatException($"Ensemble: votes '{value}' is unknown; use signals or stances."),
                        },
                    };
                    break;
                default:
                    throw new FormatException($"Ensemble: unknown option '{key}'; options are method, min, threshold, entry, conflict, window, votes.");
            }
        }
        return result;
    }

    private static double Number(string key, string value) =>
        double.TryParse(value, NumberStyles.Float, CultureInfo.InvariantCulture, out var number) && double.IsFinite(number)
            ? number
            : throw new FormatException($"Ensemble: {key}='{value}' is not a number.");

    private static int Whole(string key, string value) =>
        int.TryParse(value, NumberStyles.Integer, CultureInfo.InvariantCulture, out var number)
            ? number
            : throw new FormatException($"Ensemble: {key}='{value}' is not a whole number.");

    /// <summary>The canonical text: every option that matters to the method, then the members' canonical specs.</summary>
    public override string ToString()
    {
        var o = Options;
        var inv = CultureInfo.InvariantCulture;
        var parts = new List<string>();
        switch (o.Method)
        {
            case VotingMethod.Consensus:
                parts.Add("method=consensus");
                parts.Add(string.Create(inv, $"min={o.MinAgree}"));
                if (o.EntryMinAgree is { } entryMin) parts.Add(string.Create(inv, $"entry={entryMin}"));
                break;
            default:
                parts.Add(o.Method == VotingMethod.PerformanceWeighted ? "method=weighted" : "method=confidence");
                parts.Add("threshold=" + StrategyParameterText(o.Threshold));
                if (o.EntryThreshold is { } entry) parts.Add("entry=" + StrategyParameterText(entry));
                break;
        }
        parts.Add(o.Conflict == ConflictPolicy.Skip ? "conflict=skip" : "conflict=reduce");
        if (o.Votes == VoteSource.Stances) parts.Add("votes=stances");
        if (o.Method == VotingMethod.PerformanceWeighted || o.Window != EnsembleOptions.DefaultWindow)
            parts.Add(string.Create(inv, $"window={o.Window}"));
        return $"{Keyword}({string.Join(",", parts)})[{string.Join("|", Members.Select(m => m.ToString()))}]";
    }

    private static string StrategyParameterText(double value) => value.ToString("0.##########", CultureInfo.InvariantCulture);
}
