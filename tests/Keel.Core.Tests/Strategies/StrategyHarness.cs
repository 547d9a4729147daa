using Keel.Core.Domain;
using Keel.Core.Strategies;

namespace Keel.Core.Tests.Strategies;

/// <summary>Feeds closes to a strategy, holding the position a perfect broker would give it.</summary>
internal static class StrategyHarness
{
    public static List<(int Bar, Signal Signal)> Run(IStrategy strategy, params double[] closes)
    {
        var signals = new List<(int, Signal)>();
        var position = 0m;
        var t = new DateTime(2024, 1, 2, 5, 0, 0, DateTimeKind.Utc);
        for (var i = 0; i < closes.Length; i++)
        {
            var bar = new Bar(t.AddDays(i), closes[i], closes[i], closes[i], closes[i], 100);
            var signal = strategy.OnBar(bar, new StrategyContext(position));
            if (signal.IsHold) continue;
            signals.Add((i, signal));
            position = signal.Action == SignalAction.Buy ? 1 : 0;
        }
        return signals;
    }
}
