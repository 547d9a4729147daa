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

    private readonly string? _id;

    public EnsembleSpec(IReadOnlyList<StrategySpec> members, EnsembleOptions options) : this(members, options, null)
    {
    }

    private EnsembleSpec(IReadOnlyList<StrategySpec> members, EnsembleOptions options, string? id)
    {
        _id = id;
        ArgumentNullException.ThrowIfNull(members);
        ArgumentNullException.ThrowIfNull(options);
        if (members.Count < 2) throw new FormatException($"An ensemble needs at least 2 members, got {members.Count}.");
        var error = options.Check(members.Count);
        if (error is not null) throw new FormatException($"Ensemble: {error}.");
        Members = members;
        Options = options;
    }

    public string Text => ToString();

    public string Id => _id ?? Text;

    /// <summary>The same ensemble under an explicit stable id (a config's <c>id</c>); its instances are named by it.</summary>
    public EnsembleSpec WithId(string id) => new(Members, Options, id);

    public string ShortName => $"ensemble({Options.Method.ToString().ToLowerInvariant()}{(Options.Votes == VoteSource.Stances ? ", stances" : "")})";

    IStrategy IStrategySpec.Create() => Create();

    public EnsembleStrategy Create() => new(Members.Select(m => m.Create()).ToList(), Options, Id);

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

        var options = new EnsembleOptions { Votes = EnsembleOptions.TextDefaultVotes };
        if (body.StartsWith('('))
        {
            var close = body.IndexOf(')');
            if (close < 0) throw new FormatException("Ensemble: the options '(' is never closed with ')'.");
            options = EnsembleOptions.Parse(body[1..close]);
            body = body[(close + 1)..].TrimStart();
        }
        if (!body.StartsWith('[') || !body.EndsWith(']'))
            throw new FormatException("Ensemble: the members must follow in brackets, separated by '|', e.g. [sma-crossover|rsi|macd].");
        var members = body[1..^1].Split('|', StringSplitOptions.TrimEntries)
            .Select(member => member.Length == 0
                ? throw new FormatException("Ensemble: a member between '|' is empty.")
                : registry.Parse(member))
            .ToList();
        return new EnsembleSpec(members, options);
    }

    /// <summary>The canonical text: every option that matters to the method, then the members' canonical specs.</summary>
    public override string ToString() => $"{Keyword}({Options.ToText()})[{string.Join("|", Members.Select(m => m.ToString()))}]";

}
