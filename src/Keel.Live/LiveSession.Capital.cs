using Keel.Core.Capital;
using Keel.Core.Persistence;
using Keel.Live.Config;
using Keel.Live.Gates;

namespace Keel.Live;

/// <summary>
/// At start: which version runs (the paper record of a version is counted from its first start), and,
/// live, the capital stage in force as a cap on total exposure (the first stage on the first live start).
/// </summary>
public sealed partial class LiveSession
{
    /// <summary>The capital stage in force (live only; null on paper).</summary>
    public CapitalLimit? CapitalStage => _kernel?.Risk.Capital;

    private void RecordStartAndCapital(DateTime brokerNow)
    {
        if (_store is not IGateStore gates) return;
        var mode = _settings.Mode.ToString().ToLowerInvariant();
        gates.RecordSessionStart(new SessionStart(brokerNow, LiveVersion.Of(_settings), mode));
        if (_settings.Mode != TradingMode.Live) return;
        var limit = CurrentCapital(gates, _settings.Capital, brokerNow, "service");
        Kernel.Risk.Capital = limit;
    }

    /// <summary>Live: takes a stage changed since the start (keel capital promote) at the next cycle.</summary>
    private void RefreshCapital()
    {
        if (_settings.Mode != TradingMode.Live || _store is not IGateStore gates || gates.CapitalChanges().LastOrDefault() is not { } last) return;
        var limit = _settings.Capital.Limit(Math.Clamp(last.Stage, 1, _settings.Capital.Stages.Count));
        if (Kernel.Risk.Capital != limit) Kernel.Risk.Capital = limit;
    }

    /// <summary>The stage the store says is in force, recording the first stage when there is none yet.</summary>
    public static CapitalLimit CurrentCapital(IGateStore gates, CapitalPlan plan, DateTime now, string actor)
    {
        var last = gates.CapitalChanges().LastOrDefault();
        if (last is null)
        {
            var first = plan.Limit(1);
            gates.RecordCapitalChange(new CapitalChange(now, 1, first.Percent, "start", actor, "first live start: the first capital stage"));
            return first;
        }
        // The config's percent for the recorded stage wins (a user may tighten a stage); past the last stage, the last.
        var stage = Math.Clamp(last.Stage, 1, plan.Stages.Count);
        return plan.Limit(stage);
    }
}
