using Keel.Core.Domain;
using Keel.Core.Strategies;

namespace Keel.Core.Research;

/// <summary>
/// Lets a strategy warm up on bars before <see cref="_start"/> but holds every signal until then, so an
/// out-of-sample window trades only inside itself while its indicators are already primed.
/// </summary>
public sealed class GatedStrategy(IStrategy inner, DateTime start) : IStrategy
{
    private readonly DateTime _start = start;

    public string Name => inner.Name;
    public int WarmUpBars => inner.WarmUpBars;

    public Signal OnBar(in Bar bar, StrategyContext context)
    {
        var signal = inner.OnBar(bar, context);
        return bar.Timestamp < _start ? Signal.Hold : signal;
    }

    public void Reset() => inner.Reset();
}
