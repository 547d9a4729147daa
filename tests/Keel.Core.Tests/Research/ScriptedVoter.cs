using Keel.Core.Domain;
using Keel.Core.Strategies;

namespace Keel.Core.Tests.Research;

/// <summary>A member that votes what it is told on given bars (0-based) and holds otherwise.</summary>
internal sealed class ScriptedVoter(string name, params (int Bar, SignalAction Action, double Confidence)[] script) : IStrategy
{
    private int _bar = -1;

    public string Name { get; } = name;
    public int WarmUpBars => 0;

    public Signal OnBar(in Bar bar, StrategyContext context)
    {
        _bar++;
        foreach (var (at, action, confidence) in script)
        {
            if (at != _bar) continue;
            return action == SignalAction.Buy ? Signal.Buy(confidence, "scripted") : Signal.Sell(confidence, "scripted");
        }
        return Signal.Hold;
    }

    public void Reset() => _bar = -1;
}

/// <summary>Runs a strategy over closes with the position a perfect broker would give it, keeping every bar's outcome.</summary>
internal static class EnsembleHarness
{
    public sealed record Step(Signal Signal, IReadOnlyList<Keel.Core.Ensembles.MemberVote> Votes, string Explanation);

    public static List<Step> Run(Keel.Core.Ensembles.EnsembleStrategy ensemble, params double[] closes)
    {
        var steps = new List<Step>();
        var position = 0m;
        var t = new DateTime(2024, 1, 2, 5, 0, 0, DateTimeKind.Utc);
        for (var i = 0; i < closes.Length; i++)
        {
            var bar = new Bar(t.AddDays(i), closes[i], closes[i], closes[i], closes[i], 100);
            var signal = ensemble.OnBar(bar, new StrategyContext(position));
            steps.Add(new Step(signal, ensemble.LastVotes.ToArray(), ensemble.ExplainLastDecision()));
            if (signal.Action == SignalAction.Buy) position = 1;
            else if (signal.Action == SignalAction.Sell) position = 0;
        }
        return steps;
    }

    /// <summary>Closes that do not matter to the test.</summary>
    public static double[] Flat(int bars) => Enumerable.Repeat(100.0, bars).ToArray();
}
