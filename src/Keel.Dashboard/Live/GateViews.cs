using System.Data.Common;
using Keel.Core.Persistence;
using Keel.Reporting.Gates;
using Keel.Reporting.Pages;

namespace Keel.Dashboard.Live;

/// <summary>
/// The overview's gate and capital stage, from the store's gate tables: the gate of the version the newest session
/// ran (the version <c>keel status</c> checks is the config's; a session records the one it started with), the capital
/// stage in force and the overrides. A store older than the gate tables has none to show (null).
/// </summary>
internal static class GateViews
{
    public static GatesView? Read(ITradingStoreReader reader)
    {
        try
        {
            var session = reader.SessionStarts() is { Count: > 0 } starts ? starts[^1] : null;
            var gate = session is null ? null : reader.LatestGateResult(session.Version);
            var capital = reader.CapitalChanges() is { Count: > 0 } changes ? changes[^1] : null;
            var overrides = reader.GateOverrides();
            var last = overrides.Count > 0 ? overrides[^1] : null;
            return new GatesView(session?.Version, session?.Mode,
                gate is null ? null : new GateResultView(GateStatusText.Name(gate.Status), gate.Time,
                    gate.Rules.Select(r => new GateRuleView(r.Rule, r.Subject, GateStatusText.Name(r.Status), r.Evidence)).ToList()),
                capital is null ? null : new CapitalStageView(capital.Stage, capital.Percent, capital.Time, capital.Kind, capital.Actor, capital.Reason),
                overrides.Count,
                last is null ? null : new GateOverrideView(last.Time, last.Version, last.Actor, last.Reason));
        }
        catch (DbException)
        {
            return null; // a store from before the gate tables
        }
    }
}
