using Keel.Core.Degradation;
using Keel.Core.Persistence;
using Keel.Core.Trading;

namespace Keel.Live.Alerts;

/// <summary>
/// The degradation rule, after every cycle: each strategy's latest live trades (since its version went live)
/// against its stored backtest expectation. Outside the band, a warning (outside the wider band, critical) that
/// names the figure, how far and over how many trades; back inside, resolved. Judged again only when a trade closes.
/// </summary>
internal sealed class DegradationRule(AlertCenter alerts, DegradationSettings settings)
{
    private readonly Dictionary<string, int> _judgedAt = new(StringComparer.Ordinal);

    public static string Condition(string strategy) => "degradation:" + strategy;

    public void Evaluate(IReadOnlyList<BacktestExpectation> expectations, IReadOnlyList<Trade> trades)
    {
        foreach (var expectation in expectations)
        {
            var live = trades.Where(t => t.Strategy == expectation.Strategy && t.ExitTime >= expectation.LiveFrom)
                .OrderBy(t => t.ExitTime).Select(t => t.ReturnPct).ToList();
            if (_judgedAt.TryGetValue(expectation.Strategy, out var count) && count == live.Count) continue;
            _judgedAt[expectation.Strategy] = live.Count;
            if (DegradationCheck.Evaluate(expectation, live, settings) is not { } verdict) continue;
            var condition = Condition(expectation.Strategy);
            if (verdict.Degraded)
                alerts.Raise(AlertKinds.Degradation, verdict.Critical ? AlertSeverity.Critical : AlertSeverity.Warning, verdict.Message, expectation.Strategy, condition: condition);
            else alerts.Resolve(condition, verdict.Message);
        }
    }
}
