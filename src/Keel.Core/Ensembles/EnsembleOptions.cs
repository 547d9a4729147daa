using System.Globalization;

namespace Keel.Core.Ensembles;

/// <summary>
/// How an <see cref="EnsembleStrategy"/> votes. Thresholds to buy may differ from those to sell, so an
/// ensemble can demand more agreement to open a position than to close one.
/// </summary>
public sealed record EnsembleOptions
{
    public const int DefaultMinAgree = 2;
    public const double DefaultThreshold = 0.5;
    public const int DefaultWindow = 20;

    public VotingMethod Method { get; init; } = VotingMethod.Consensus;

    /// <summary>Consensus: members that must sell together to sell (and buy together to buy, unless <see cref="EntryMinAgree"/>).</summary>
    public int MinAgree { get; init; } = DefaultMinAgree;

    /// <summary>Consensus: members that must buy together to buy; null = <see cref="MinAgree"/>.</summary>
    public int? EntryMinAgree { get; init; }

    /// <summary>
    /// PerformanceWeighted: the weight behind sells must exceed this to sell. ConfidenceScored: the
    /// score must be below −this to sell. In [0, 1); default 0.5 (a weighted majority).
    /// </summary>
    public double Threshold { get; init; } = DefaultThreshold;

    /// <summary>The same for buys (weight or score must exceed it); null = <see cref="Threshold"/>.</summary>
    public double? EntryThreshold { get; init; }

    public ConflictPolicy Conflict { get; init; } = ConflictPolicy.Skip;

    /// <summary>
    /// Vote with this bar's signals or with each member's current stance. Written as text (<see cref="Parse"/>,
    /// what users write) the default is stances: signal votes need members to fire on the same bar, which
    /// they rarely do (consensus of sma-crossover, rsi and macd on signals made 1 trade in 23 years of SPY).
    /// Built in code, the default stays signals, which the voting rules' own tests are written in.
    /// </summary>
    public VoteSource Votes { get; init; } = VoteSource.Signals;

    /// <summary>What text without <c>votes=</c> means.</summary>
    public const VoteSource TextDefaultVotes = VoteSource.Stances;

    /// <summary>Bars of hypothetical member returns behind the performance weights and the member correlation.</summary>
    public int Window { get; init; } = DefaultWindow;

    public int EffectiveEntryMinAgree => EntryMinAgree ?? MinAgree;
    public double EffectiveEntryThreshold => EntryThreshold ?? Threshold;

    /// <summary>Why these options cannot drive <paramref name="memberCount"/> members, or null.</summary>
    public string? Check(int memberCount)
    {
        if (Window < 2) return $"window must be at least 2 bars, got {Window}";
        if (Method == VotingMethod.Consensus)
        {
            if (MinAgree < 1 || MinAgree > memberCount) return $"min must be between 1 and the {memberCount} members, got {MinAgree}";
            if (EffectiveEntryMinAgree < 1 || EffectiveEntryMinAgree > memberCount)
                return $"entry must be between 1 and the {memberCount} members, got {EffectiveEntryMinAgree}";
            return null;
        }
        if (!(Threshold >= 0 && Threshold < 1)) return $"threshold must be within [0, 1), got {Threshold}";
        if (!(EffectiveEntryThreshold >= 0 && EffectiveEntryThreshold < 1)) return $"entry must be within [0, 1), got {EffectiveEntryThreshold}";
        return null;
    }

    /// <summary>
    /// Options from text: comma-separated <c>key=value</c> pairs (method, min, threshold, entry, conflict,
    /// window, votes), e.g. <c>method=weighted,threshold=0.6,votes=stances</c>. Mistakes are a
    /// <see cref="FormatException"/> that says what to write.
    /// </summary>
    public static EnsembleOptions Parse(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        var given = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var raw in text.Split(',', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries))
        {
            var eq = raw.IndexOf('=');
            if (eq <= 0 || eq == raw.Length - 1) throw new FormatException($"Ensemble: option '{raw}' is not key=value.");
            var key = raw[..eq].Trim().ToLowerInvariant();
            if (!given.TryAdd(key, raw[(eq + 1)..].Trim())) throw new FormatException($"Ensemble: option {key} is given twice.");
        }
        var result = new EnsembleOptions { Votes = TextDefaultVotes };
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

    /// <summary>The canonical text: every option that matters to the method (see <see cref="Parse"/>).</summary>
    public string ToText()
    {
        var inv = CultureInfo.InvariantCulture;
        var parts = new List<string>();
        switch (Method)
        {
            case VotingMethod.Consensus:
                parts.Add("method=consensus");
                parts.Add(string.Create(inv, $"min={MinAgree}"));
                if (EntryMinAgree is { } entryMin) parts.Add(string.Create(inv, $"entry={entryMin}"));
                break;
            default:
                parts.Add(Method == VotingMethod.PerformanceWeighted ? "method=weighted" : "method=confidence");
                parts.Add("threshold=" + Threshold.ToString("0.##########", inv));
                if (EntryThreshold is { } entry) parts.Add("entry=" + entry.ToString("0.##########", inv));
                break;
        }
        parts.Add(Conflict == ConflictPolicy.Skip ? "conflict=skip" : "conflict=reduce");
        parts.Add(Votes == VoteSource.Stances ? "votes=stances" : "votes=signals");
        if (Method == VotingMethod.PerformanceWeighted || Window != DefaultWindow)
            parts.Add(string.Create(inv, $"window={Window}"));
        return string.Join(",", parts);
    }
}
