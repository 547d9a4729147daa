using Keel.Core.Strategies;

namespace Keel.Core.Ensembles;

/// <summary>One member's vote on the last bar: what it signalled, how sure it was, and its share of the vote.</summary>
/// <param name="Member">The member strategy's name.</param>
/// <param name="Action">Its signal on this bar.</param>
/// <param name="Confidence">Its signal's confidence (0 for a hold).</param>
/// <param name="Weight">Its share of the vote: 1/M, or its performance weight (the weights sum to 1).</param>
public readonly record struct MemberVote(string Member, SignalAction Action, double Confidence, double Weight);
