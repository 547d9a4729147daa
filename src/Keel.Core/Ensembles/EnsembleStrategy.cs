using System.Globalization;
using System.Text;
using Keel.Core.Domain;
using Keel.Core.Strategies;

namespace Keel.Core.Ensembles;

/// <summary>
/// A strategy made of member strategies that vote. Every member sees the same bar and the same
/// <see cref="StrategyContext"/> (the ensemble's own position) and runs as it would alone.
/// </summary>
/// <remarks>
/// <para>Each bar: (1) every member's hypothetical return up to this close is booked, from the position
/// its own earlier signals hold; (2) the vote weights are fixed from those returns; (3) the members
/// signal; (4) the votes are tallied by <see cref="EnsembleOptions.Method"/>; (5) each member's
/// hypothetical position follows its signal. So the weights on bar t use prices up to bar t's close and
/// signals up to bar t − 1, never anything later.</para>
/// <para>Weights (each member's share of the vote, summing to 1): 1/M for Consensus and ConfidenceScored;
/// for PerformanceWeighted, max(0, rolling mean return) / Σ over members, where a member's per-bar return
/// is close-to-close while it is hypothetically long and 0 while flat, over the last
/// <see cref="EnsembleOptions.Window"/> bars; equal weights until the window is full or when no member
/// has a positive mean.</para>
/// <para>Support for a side: Consensus counts its members; PerformanceWeighted sums their weights;
/// ConfidenceScored sums weight · confidence. Buy when the buy support passes the entry threshold
/// (Consensus: count ≥ min; the others: support &gt; threshold, and for ConfidenceScored the net score
/// buy − sell must exceed it), sell likewise with the exit threshold. The ensemble's confidence is the
/// weighted mean confidence of the members on the side it follows. When members buy and sell on the same
/// bar, <see cref="EnsembleOptions.Conflict"/> decides: skip (hold), or follow the side with more
/// support, confidence × (for − against) / (for + against).</para>
/// <para>Every decision is explained: <see cref="LastVotes"/> holds each member's vote, the signal's
/// reason lists them all, and <see cref="ExplainLastDecision"/> also explains holds.</para>
/// </remarks>
public sealed class EnsembleStrategy : IStrategy
{
    private readonly IStrategy[] _members;
    private readonly MemberTracker[] _trackers;
    private readonly MemberVote[] _votes;
    private readonly double[] _weights;
    private Tally _last;

    public EnsembleStrategy(IReadOnlyList<IStrategy> members, EnsembleOptions? options = null, string? name = null)
    {
        ArgumentNullException.ThrowIfNull(members);
        if (members.Count < 2) throw new ArgumentException($"An ensemble needs at least 2 members, got {members.Count}.", nameof(members));
        Options = options ?? new EnsembleOptions();
        var error = Options.Check(members.Count);
        if (error is not null) throw new ArgumentException($"Ensemble: {error}.", nameof(options));
        _members = [.. members];
        _trackers = _members.Select(_ => new MemberTracker(Options.Window)).ToArray();
        _votes = new MemberVote[_members.Length];
        _weights = new double[_members.Length];
        Name = name ?? $"ensemble[{string.Join("|", _members.Select(m => m.Name))}]";
        ClearVotes();
    }

    /// <summary>Parses the ensemble text form; see <see cref="EnsembleSpec.Parse"/>.</summary>
    public static EnsembleSpec Parse(string text, StrategyRegistry registry) => EnsembleSpec.Parse(text, registry);

    public string Name { get; }
    public EnsembleOptions Options { get; }
    public IReadOnlyList<IStrategy> Members => _members;
    public int WarmUpBars => _members.Max(m => m.WarmUpBars);

    /// <summary>Each member's vote on the last bar, in member order; overwritten by the next bar.</summary>
    public IReadOnlyList<MemberVote> LastVotes => _votes;

    public Signal OnBar(in Bar bar, StrategyContext context)
    {
        foreach (var tracker in _trackers) tracker.RecordClose(bar.Close);
        ComputeWeights();
        for (var i = 0; i < _members.Length; i++)
        {
            // With stances, a member acts on its own hypothetical position ("buy while flat" means its own flat).
            var memberContext = Options.Votes == VoteSource.Stances ? new StrategyContext(_trackers[i].IsLong ? 1 : 0) : context;
            var signal = _members[i].OnBar(bar, memberContext);
            _votes[i] = new MemberVote(_members[i].Name, signal.Action, signal.IsHold ? 0 : signal.Confidence, _weights[i]);
            _trackers[i].Follow(signal);
        }
        if (Options.Votes == VoteSource.Stances) return OnStances(context);

        _last = TallyVotes();
        if (_last.Action == SignalAction.Hold) return Signal.Hold;
        var reason = Describe(_last);
        return _last.Action == SignalAction.Buy ? Signal.Buy(_last.Confidence, reason) : Signal.Sell(_last.Confidence, reason);
    }

    /// <summary>
    /// Stance voting: long members vote buy (with the confidence of their entry), flat ones hold. Be long
    /// while the long side's support passes the entry bar; sell once it no longer passes the exit bar.
    /// Support: consensus counts members; weighted sums weights; confidence sums weight · confidence.
    /// </summary>
    private Signal OnStances(StrategyContext context)
    {
        int longs = 0;
        double support = 0;
        for (var i = 0; i < _members.Length; i++)
        {
            var isLong = _trackers[i].IsLong;
            var confidence = isLong ? _trackers[i].EntryConfidence : 0;
            _votes[i] = new MemberVote(_members[i].Name, isLong ? SignalAction.Buy : SignalAction.Hold, confidence, _weights[i]);
            if (!isLong) continue;
            longs++;
            support += Options.Method switch
            {
                VotingMethod.Consensus => 1,
                VotingMethod.PerformanceWeighted => _weights[i],
                _ => _weights[i] * confidence,
            };
        }
        var (enterBar, exitBar) = Options.Method == VotingMethod.Consensus
            ? ((double)Options.EffectiveEntryMinAgree, (double)Options.MinAgree)
            : (Options.EffectiveEntryThreshold, Options.Threshold);
        var enter = Options.Method == VotingMethod.Consensus ? support >= enterBar : support > enterBar;
        var stay = Options.Method == VotingMethod.Consensus ? support >= exitBar : support > exitBar;
        var share = Options.Method == VotingMethod.Consensus ? (double)longs / _members.Length : support;
        var action = context.IsFlat && enter ? SignalAction.Buy : context.IsLong && !stay ? SignalAction.Sell : SignalAction.Hold;
        _last = new Tally(action, action == SignalAction.Buy ? Math.Clamp(share, 0, 1) : action == SignalAction.Sell ? Math.Clamp(1 - share, 0, 1) : 0,
            longs, 0, support, 0, Skipped: false, Agreement: 1);
        if (action == SignalAction.Hold) return Signal.Hold;
        var inv = CultureInfo.InvariantCulture;
        var bars = Options.Method == VotingMethod.Consensus
            ? string.Create(inv, $"{longs}/{_members.Length} long (enter at {enterBar}, stay at {exitBar})")
            : string.Create(inv, $"long support {support:0.##} (enter > {enterBar:0.##}, stay > {exitBar:0.##})");
        var reason = $"{MethodWord()} stances: {bars}: " + string.Join("; ", _votes.Select(v =>
            v.Action == SignalAction.Buy ? string.Create(inv, $"{v.Member} long {v.Confidence:0.##} w={v.Weight:0.##}") : $"{v.Member} flat"));
        return action == SignalAction.Buy ? Signal.Buy(_last.Confidence, reason) : Signal.Sell(_last.Confidence, reason);
    }

    private string MethodWord() => Options.Method switch
    {
        VotingMethod.Consensus => "consensus",
        VotingMethod.PerformanceWeighted => "weighted",
        _ => "confidence",
    };

    /// <summary>Why the last bar's decision was what it was, holds included (a hold signal carries no reason).</summary>
    public string ExplainLastDecision() => Describe(_last);

    /// <summary>
    /// Pearson correlation of the members' hypothetical per-bar returns over the current window
    /// (for reporting: members that move together add little to a vote). NaN where a member's returns
    /// do not vary (e.g. it stayed flat) or before two bars of returns.
    /// </summary>
    public double[,] MemberCorrelation()
    {
        var m = _members.Length;
        var result = new double[m, m];
        var count = _trackers[0].Returns.Count;
        var means = new double[m];
        var deviations = new double[m];
        for (var i = 0; i < m; i++)
        {
            var window = _trackers[i].Returns;
            for (var k = 0; k < count; k++) means[i] += window[k];
            means[i] = count > 0 ? means[i] / count : 0;
            for (var k = 0; k < count; k++) deviations[i] += (window[k] - means[i]) * (window[k] - means[i]);
            deviations[i] = Math.Sqrt(deviations[i]);
        }
        for (var i = 0; i < m; i++)
        {
            for (var j = i; j < m; j++)
            {
                var value = double.NaN;
                if (count >= 2 && deviations[i] > 0 && deviations[j] > 0)
                {
                    var covariance = 0.0;
                    for (var k = 0; k < count; k++)
                        covariance += (_trackers[i].Returns[k] - means[i]) * (_trackers[j].Returns[k] - means[j]);
                    value = i == j ? 1 : Math.Clamp(covariance / (deviations[i] * deviations[j]), -1, 1);
                }
                result[i, j] = value;
                result[j, i] = value;
            }
        }
        return result;
    }

    public void Reset()
    {
        foreach (var member in _members) member.Reset();
        foreach (var tracker in _trackers) tracker.Reset();
        ClearVotes();
    }

    private void ClearVotes()
    {
        for (var i = 0; i < _members.Length; i++) _votes[i] = new MemberVote(_members[i].Name, SignalAction.Hold, 0, 1.0 / _members.Length);
        _last = default;
    }

    private void ComputeWeights()
    {
        var equal = 1.0 / _members.Length;
        Array.Fill(_weights, equal);
        if (Options.Method != VotingMethod.PerformanceWeighted || !_trackers[0].Returns.IsFull) return;
        var total = 0.0;
        for (var i = 0; i < _members.Length; i++)
        {
            _weights[i] = Math.Max(0, _trackers[i].MeanReturn());
            total += _weights[i];
        }
        if (total > 0)
        {
            for (var i = 0; i < _members.Length; i++) _weights[i] /= total;
        }
        else
        {
            Array.Fill(_weights, equal);
        }
    }

    /// <summary>The tally of one bar's votes and the decision it leads to.</summary>
    private readonly record struct Tally(
        SignalAction Action,
        double Confidence,
        int Buys,
        int Sells,
        double BuySupport,
        double SellSupport,
        bool Skipped,
        double Agreement);

    private Tally TallyVotes()
    {
        int buys = 0, sells = 0;
        double buySupport = 0, sellSupport = 0;
        foreach (var vote in _votes)
        {
            if (vote.Action == SignalAction.Hold) continue;
            var support = Options.Method switch
            {
                VotingMethod.Consensus => 1,
                VotingMethod.PerformanceWeighted => vote.Weight,
                _ => vote.Weight * vote.Confidence,
            };
            if (vote.Action == SignalAction.Buy) { buys++; buySupport += support; }
            else { sells++; sellSupport += support; }
        }

        var conflict = buys > 0 && sells > 0;
        if (conflict && Options.Conflict == ConflictPolicy.Skip)
            return new Tally(SignalAction.Hold, 0, buys, sells, buySupport, sellSupport, Skipped: true, Agreement: 0);

        // The side to follow: the only one voted for, or under ReduceSize the one with more support.
        var side = buySupport > sellSupport ? SignalAction.Buy : sellSupport > buySupport ? SignalAction.Sell : SignalAction.Hold;
        if (!conflict && side == SignalAction.Hold && buys + sells > 0)
            side = buys > 0 ? SignalAction.Buy : SignalAction.Sell; // e.g. performance weights of 0 behind the only side
        var agreement = conflict ? Math.Abs(buySupport - sellSupport) / (buySupport + sellSupport) : 1;
        if (side == SignalAction.Hold || !PassesThreshold(side, buys, sells, buySupport, sellSupport))
            return new Tally(SignalAction.Hold, 0, buys, sells, buySupport, sellSupport, Skipped: false, Agreement: agreement);

        var confidence = Math.Clamp(MeanConfidence(side) * agreement, 0, 1);
        return new Tally(side, confidence, buys, sells, buySupport, sellSupport, Skipped: false, Agreement: agreement);
    }

    private bool PassesThreshold(SignalAction side, int buys, int sells, double buySupport, double sellSupport)
    {
        var buying = side == SignalAction.Buy;
        return Options.Method switch
        {
            VotingMethod.Consensus => (buying ? buys : sells) >= (buying ? Options.EffectiveEntryMinAgree : Options.MinAgree),
            VotingMethod.PerformanceWeighted => (buying ? buySupport : sellSupport) > (buying ? Options.EffectiveEntryThreshold : Options.Threshold),
            _ => (buying ? buySupport - sellSupport : sellSupport - buySupport) > (buying ? Options.EffectiveEntryThreshold : Options.Threshold),
        };
    }

    /// <summary>The weighted mean confidence of the members voting for <paramref name="side"/>.</summary>
    private double MeanConfidence(SignalAction side)
    {
        double weighted = 0, weights = 0, plain = 0;
        var count = 0;
        foreach (var vote in _votes)
        {
            if (vote.Action != side) continue;
            weighted += vote.Weight * vote.Confidence;
            weights += vote.Weight;
            plain += vote.Confidence;
            count++;
        }
        return weights > 0 ? weighted / weights : plain / count;
    }

    /// <summary>E.g. <c>consensus 2/3 buy (min 2): sma-crossover:fast=10,slow=30 buy 0.62 w=0.33; rsi:… hold; macd:… buy 0.55 w=0.33</c>.</summary>
    private string Describe(Tally t)
    {
        var text = new StringBuilder();
        var inv = CultureInfo.InvariantCulture;
        var m = _members.Length;
        var method = Options.Method switch
        {
            VotingMethod.Consensus => "consensus",
            VotingMethod.PerformanceWeighted => "weighted",
            _ => "confidence",
        };
        if (t.Buys + t.Sells == 0)
        {
            text.Append(inv, $"{method}: no member signals: hold");
        }
        else if (t.Skipped)
        {
            text.Append(inv, $"{method}: conflict {t.Buys} buy vs {t.Sells} sell: skip");
        }
        else
        {
            var side = t.Action != SignalAction.Hold ? t.Action : t.BuySupport >= t.SellSupport && t.Buys > 0 ? SignalAction.Buy : SignalAction.Sell;
            var buying = side == SignalAction.Buy;
            var word = buying ? "buy" : "sell";
            var tally = Options.Method switch
            {
                VotingMethod.Consensus => string.Create(inv, $"{(buying ? t.Buys : t.Sells)}/{m} {word} (min {(buying ? Options.EffectiveEntryMinAgree : Options.MinAgree)})"),
                VotingMethod.PerformanceWeighted => string.Create(inv, $"{(buying ? t.BuySupport : t.SellSupport):0.##} {word} (> {(buying ? Options.EffectiveEntryThreshold : Options.Threshold):0.##})"),
                _ => string.Create(inv, $"score {t.BuySupport - t.SellSupport:+0.##;-0.##;0} {word} (> {(buying ? Options.EffectiveEntryThreshold : Options.Threshold):0.##})"),
            };
            text.Append(method).Append(' ').Append(tally);
            if (t.Buys > 0 && t.Sells > 0)
            {
                var against = Options.Method == VotingMethod.Consensus
                    ? (buying ? t.Sells : t.Buys).ToString(inv)
                    : (buying ? t.SellSupport : t.BuySupport).ToString("0.##", inv);
                text.Append(inv, $" vs {against} {(buying ? "sell" : "buy")}, reduced ×{t.Agreement:0.##}");
            }
            if (t.Action == SignalAction.Hold) text.Append(": hold");
        }
        text.Append(": ");
        for (var i = 0; i < _votes.Length; i++)
        {
            var vote = _votes[i];
            if (i > 0) text.Append("; ");
            text.Append(vote.Member).Append(' ');
            if (vote.Action == SignalAction.Hold) text.Append("hold");
            else text.Append(inv, $"{(vote.Action == SignalAction.Buy ? "buy" : "sell")} {vote.Confidence:0.##} w={vote.Weight:0.##}");
        }
        return text.ToString();
    }
}
