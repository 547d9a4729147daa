using System.Globalization;
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
        // Stages are about real time (days of real money at risk), and alerts carry the wall clock too.
        var limit = CurrentCapital(gates, _settings.Capital, _time.GetUtcNow().UtcDateTime, "service");
        Kernel.Risk.Capital = limit;
    }

    /// <summary>Live: takes a stage changed since the start (keel capital promote) at the next cycle.</summary>
    private void RefreshCapital()
    {
        if (_settings.Mode != TradingMode.Live || _store is not IGateStore gates || gates.CapitalChanges().LastOrDefault() is not { } last) return;
        if (_settings.Capital.OnCriticalAlert != CriticalAlertAction.None && CriticalAlertResponse.Trigger(_store.Alerts(), last.Time) is { } alert)
            last = RespondToCriticalAlert(gates, last, alert);
        var limit = _settings.Capital.Limit(Math.Clamp(last.Stage, 1, _settings.Capital.Stages.Count));
        if (Kernel.Risk.Capital != limit) Kernel.Risk.Capital = limit;
    }

    /// <summary>Demotes one stage (recorded; a stage-1 demotion is recorded too, so the same alert acts once) or halts entries.</summary>
    private CapitalChange RespondToCriticalAlert(IGateStore gates, CapitalChange last, StoredAlert alert)
    {
        var now = _time.GetUtcNow().UtcDateTime;
        var reason = string.Create(CultureInfo.InvariantCulture, $"critical alert {alert.Kind} at {alert.Time:O}: {alert.Message}");
        if (_settings.Capital.OnCriticalAlert == CriticalAlertAction.Halt)
        {
            _store.SetHalt(new HaltState(true, "capital: " + reason, now));
            ApplyHaltSwitch(); // entries refused from this cycle; the next one cancels working orders as keel halt would
        }
        var stage = CriticalAlertResponse.StageAfter(_settings.Capital, Math.Clamp(last.Stage, 1, _settings.Capital.Stages.Count), alert);
        var change = new CapitalChange(now, stage, _settings.Capital.Limit(stage).Percent,
            _settings.Capital.OnCriticalAlert == CriticalAlertAction.Halt ? "halt" : "demote", "service", reason);
        gates.RecordCapitalChange(change);
        return change;
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
